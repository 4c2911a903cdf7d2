## Texto en español del volante de la asamblea de inquilinos (leaflets/tenants-assembly.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML.
## *texto* va en cursiva y **texto** en negrita; un asterisco literal se escribe \*.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-estate = Marlowe Gardens
-landlord = Kestrel Vale Properties
-union = Sindicato de Inquilinos de Marlowe Gardens

headline = xx
# $households es un número: el selector elige la categoría plural del español.
intro =
    { -landlord }, el fondo de inversión que compró nuestro barrio, envió
    avisos de desalojo a { $households ->
        [one] una familia
       *[other] { $households } familias
    } y anuncia una subida del alquiler del **12,5 % desde el 1 de abril**.
    Muchas somos familias latinoamericanas con décadas en el barrio. Ahora
    quieren echarnos y alquilar al 