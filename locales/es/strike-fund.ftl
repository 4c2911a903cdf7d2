## Texto en español de la hoja del fondo de huelga (leaflets/strike-fund.toml).

logo-alt = El logotipo de Cleaners United: el nombre del sindicato y una escoba en un círculo morado

headline = Que la huelga siga fuerte

intro =
    { $workers } limpiadoras y limpiadores de la Universidad de Southwark han
    perdido una semana de salario para ganar un salario digno y la baja pagada.
    Cada libra del fondo de huelga es un día más de resistencia. Nuestra
    meta: **{ $target } £**.

help-give = Aporta lo que puedas, una vez o cada mes.
help-collect = Lleva una hucha a tu trabajo o a tu sección sindical.
help-visit = Trae comida y algo caliente al piquete, desde las 7:00.

slogan = Si tocan a una, nos tocan a todas

scan = Escanea el código o entra en { $url } para aportar.
