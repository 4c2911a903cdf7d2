## Texto en español de la hoja (leaflets/{{name}}.toml). Sustitúyelo por el tuyo.
## { $place } y { $when } vienen de [args] en el archivo TOML.
## *texto* va en cursiva y **texto** en negrita.

headline = ¡Salvemos nuestra biblioteca!

intro =
    El ayuntamiento quiere cerrar la **Biblioteca Central** a fin de año. Desde hace
    cuarenta años es donde los niños aprenden a leer, donde estudian quienes no
    tienen un rincón tranquilo en casa y donde cualquiera puede usar un ordenador
    gratis. Cerrarla ahorra menos de lo que el ayuntamiento gasta en consultores
    en un mes.
    .demands = Exigimos:

demand-one = Que la Biblioteca Central siga abierta, con su horario.
demand-two = Ningún recorte del personal que la atiende.
demand-three = Una asamblea pública antes de decidir nada sobre las bibliotecas.

slogan = ¡Nuestra biblioteca, nuestro futuro!

when-where = { DATETIME($when, dateStyle: "full", timeStyle: "short") }, { $place }
