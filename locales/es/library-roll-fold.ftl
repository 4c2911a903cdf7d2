## Texto en español del folleto de la biblioteca: una hoja A4 plegada en tríptico
## (formato DL, leaflets/library-roll-fold.toml) o por la mitad (A5, leaflets/library-half-fold.toml).

headline = ¡Salvemos la Biblioteca de Riverside!

cover-line = El ayuntamiento quiere cerrar nuestra biblioteca en abril. Es la única sala pública, gratuita y con calefacción del barrio.

slogan = Libros, no ventanas tapiadas

why = Por qué importa

intro =
    La Biblioteca de Riverside sirve a este barrio desde hace sesenta y dos años.
    Cada semana pasan por sus puertas más de dos mil personas: niños al salir del
    colegio, jubilados que leen el periódico, personas que buscan trabajo en los
    ordenadores, familias recién llegadas que aprenden el idioma.

what-we-lose = Si la biblioteca cierra, perdemos:

loss-books = cuarenta mil libros, periódicos y películas en préstamo gratuito;
loss-computers = doce ordenadores con internet e impresora, los únicos que muchos de nosotros podemos usar;
loss-classes = las clases de idiomas, el apoyo escolar y la hora del cuento de los sábados;
loss-warmth = un lugar cálido y seguro donde sentarse, abierto seis días a la semana, donde nadie tiene que comprar nada.

demands-heading = Exigimos

demand-open = **Que la Biblioteca de Riverside siga abierta**, con su horario actual.
demand-staff = Que se mantenga al personal: el voluntariado no sustituye a bibliotecarios formados.
demand-consult = Una consulta de verdad, en los idiomas del barrio, antes de cualquier decisión.

reader-quote = Aprendí inglés en esas mesas. Ahora mi hija hace los deberes en la misma.

help-heading = Cómo puedes ayudar

help =
    Firma la petición: escanea el código de la contraportada. Cuéntaselo a tus
    vecinos. Escribe a tu concejal. Saca libros: cada préstamo cuenta en las
    cifras del ayuntamiento. Y ven a la asamblea pública con tu familia y amistades.

meeting = Asamblea pública

# deliberately: also $time: Spanish shows the 24-hour time, English writes "6.30 pm".
meeting-when = Jueves { $day } de marzo a las { $time }, { $place }. Con intérpretes de español y portugués; se admiten niños.

contact = Amigos de la Biblioteca de Riverside · friendsofriverside@example.org · 07700 900123
