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
    de que lleguen los estudiantes, pero la universidad ni siquiera los
    contrata: { -contractor }, una subcontratista, les paga **£12,60 la hora**,
    por debajo del salario digno de Londres, y nada si se enferman.
    .demands = El personal de limpieza exige:

demand-wage = El salario digno de Londres (London Living Wage) para todos.

demand-sick-pay = Licencia por enfermedad pagada al 100 % desde el primer día.

demand-in-house = Fin de la subcontratación: contrato directo con los mismos derechos.

outsourcing =
    Tercerizar es una decisión *política*: la universidad ahorra dinero y se
    desentiende de sus responsabilidades con quienes mantienen sus edificios.
    Con contrato directo, el personal tendría vacaciones pagadas, licencia por
    enfermedad y jubilación, como los profesores. Hoy, muchos tienen dos
    empleos y cruzan Londres de madrugada.

solidarity =
    La dirección espera que estudiantes y docentes miren a otro lado.
    Demuéstrenle lo contrario: súmense al piquete a las 7 de la mañana y
    ¡**no crucen la línea**! Luego vengan al mitin del mediodía a mostrarle
    al rector de qué lado estamos. *Si tocan a una, nos tocan a todas.*

cleaner-quote =
    «Me operaron y a la semana ya estaba trabajando: no podía darme el lujo de
    perder el sueldo. Queremos dignidad, no caridad». — María, limpiadora desde
    hace 11 años

slogan = ¡Somos universidad!

# deliberately: also $picket-time: Spanish shows the 24-hour time, English writes "7 am".
picket = Piquete: lunes 3 de marzo, desde las { $picket-time } – { $picket-place }

# deliberately: also $rally-time: Spanish shows the 24-hour time, English writes "12 noon".
rally = Mitin: lunes 3 de marzo, a las { $rally-time } – { $rally-place }, { -university }
