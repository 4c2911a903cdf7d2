## Texto en español del volante de solidaridad con la huelga de limpieza (leaflets/cleaners-strike.toml).
## Las variables como { $picket-place } vienen de la tabla [args] del archivo TOML.
## *texto* va en cursiva y **texto** en negrita; un asterisco literal se escribe \*.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-university = Universidad de Southwark
-contractor = Corvane Facility Services

headline = ¡Huelga de limpieza!

# $workers es un número: el selector elige la categoría plural del español.
intro =
    El **lunes 3 de marzo**, el personal de limpieza de la { -university }
    —{ $workers ->
        [one] una persona
       *[other] { $workers } personas
    }— va a la huelga. Dejan impecables aulas, bibliotecas y laboratorios antes
    de que lleguen los estudiantes,