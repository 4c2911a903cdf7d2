## Texto en español del volante de la asamblea de inquilinos (leaflets/tenants-assembly.toml).
## Las variables como { $place } vienen de la tabla [args] del archivo TOML.
## *texto* va en cursiva y **texto** en negrita; un asterisco literal se escribe \*.

# Los términos (nombres que empiezan con guion) se reutilizan en los mensajes,
# pero nunca aparecen solos en la página.
-estate = Marlowe Gardens
-landlord = Kestrel Vale Properties
-union = Sindicato de Inquilinos de Marlowe Gardens

headline = ¡Alto a los desalojos en { -estate }!

# $households es un número: el selector elige la categoría plural del español.
intro =
    { -landlord }, el fondo de inversión que compró nuestro barrio, envió
    avisos de desalojo a { $households ->
        [one] una familia
       *[other] { $households } familias
    } y anuncia una subida del alquiler del **12,5 % desde el 1 de abril**.
    Muchas somos familias latinoamericanas con décadas en el barrio. Ahora
    quieren echarnos y alquilar al doble.
    .demands = Juntos exigimos:

demand-notices = **Retiro de los avisos de desalojo**: nadie se va contra su voluntad.

demand-rent = Anulación de la subida y alquileres congelados por tres años.

demand-repairs = Reparación inmediata de la humedad, el moho y los ascensores.

demand-union = Reconocimiento del { -union }.

neglect =
    Dicen que la subida es para *modernizar*, pero llevan años
    desatendiendo sus responsabilidades: hay niños que duermen en cuartos
    negros de moho y vecinos mayores que esperan semanas a que reparen los
    ascensores. No se trata de mejorar nuestras viviendas, sino de cambiar a
    las familias trabajadoras por inversionistas.

organise =
    Solos nos sentimos impotentes; juntos somos cientos y podemos negarnos.
    En la asamblea decidiremos qué hacer: huelga de alquileres si hace falta,
    una delegación a la municipalidad y una cadena telefónica para que ningún
    desalojo nos encuentre solos. Bienvenidos todos, **con o sin papeles**.

tenant-quote =
    «Mis hijos nacieron aquí. Ahora una carta me da dos meses para irme.
    ¿Adónde vamos a ir?» — Rosa, inquilina desde hace 19 años

slogan = ¡El barrio no se vende!

# deliberately: also $time: Spanish shows the 24-hour time, English writes "7 pm".
when-where = Asamblea de emergencia: jueves { $day } de febrero, a las { $time } – { $place }
    .bring = ¡Traigan su carta de desalojo, su contrato de alquiler y a sus vecinos!
