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
    Los trab