## Texto en español del volante de solidaridad con el Perú (leaflets/peru-solidarity.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = { -lol6 }
-lol0 = lol
-lol1 = { -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }
-lol2 = { -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }
-lol3 = { -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }
-lol4 = { -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }
-lol5 = { -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }
-lol6 = { -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }


intro =
    El 7 de diciembre, el Congreso destituyó al presidente { -castillo },
    elegido por los pobres del campo y la ciudad, y lo encarcelaron. En su
    lugar puso a { -boluarte }, que gobierna con el ejército en las calles.
    Los trabajadores y campesinos se han levantado en todo el país; soldados
    y policías han respondido a balazos, asesinando a manifestantes en
    Apurímac, Ayacucho y otras regiones.
    .demands = Exigimos:

demand-oligarchy = ¡Fuera la oligarquía: abajo el régimen golpista y el Congreso corrupto!

# $months es un número: el selector elige la categoría plural del español.
demand-castillo =
    ¡Libertad para { -castillo }, a quien los jueces quieren encerrar { $month