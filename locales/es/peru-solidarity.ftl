## Texto en español del volante de solidaridad con el Perú (leaflets/peru-solidarity.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = ¡Manos fuera del Perú! ¡Abajo el golpe!

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
    ¡Libertad para { -castillo }, a quien los jueces quieren encerrar { $months ->
        [one] un mes
       *[other] { $months } meses
    } sin juicio!

demand-elections = ¡Elecciones generales ya! Que decida el pueblo, no el Congreso, con una asamblea constituyente.

strike =
    El 15 de diciembre, las organizaciones obreras y campesinas de todo el
    Perú convocaron a un paro nacional. Hay carreteras bloqueadas de la sierra
    a la costa, y el régimen responde con más represión. El paro demuestra
    dónde está el verdadero poder: en quienes con su trabajo mueven el país.

assembly =
    Pero el paro tiene que ir más allá. Apoyamos el llamado a una Asamblea
    Nacional Revolucionaria de Obreros y Campesinos —con delegados elegidos
    en cada centro de trabajo y cada comunidad— para poner el futuro del país
    en manos de quienes lo trabajan. Desde Londres decimos:
    ¡el golpe no pasará!

slogan = ¡Que se vayan todos!

# deliberately: also $time: Spanish shows the 24-hour time, English writes "2 pm".
when-where = Sábado { $day } de diciembre de { $year }, a las { $time } – { $place }, Londres
    .bring = ¡Traigan amigos, banderas y silbatos! Más: https://example.org/peru
