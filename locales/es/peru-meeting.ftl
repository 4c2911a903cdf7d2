## Texto en castellano del volante de dos páginas sobre el Perú (leaflets/peru-meeting.toml).

-boluarte = Dina Boluarte
-castillo = Pedro Castillo

headline = Perú: ¡abajo el régimen golpista!

intro =
    El 7 de diciembre el Congreso del Perú destituyó al presidente { -castillo } y
    puso en su lugar a { -boluarte }. Castillo, maestro rural de Cajamarca, había
    sido elegido por los pobres de los Andes y de la Amazonía contra la candidata
    de los ricos de Lima. El Congreso nunca aceptó ese resultado, y durante año y
    medio intentó derribarlo. Cuando por fin lo logró, quienes lo habían votado
    salieron a las carreteras, a las plazas y a los aeropuertos.

massacres =
    El régimen respondió con el ejército. En Ayacucho, el 15 de diciembre, los
    soldados mataron a diez personas, algunas lejos de toda protesta. En Juliaca,
    el 9 de enero, la policía mató a dieciocho más en un solo día. En cinco
    semanas el ejército y la policía han matado a { $killed } personas, en su
    mayoría jóvenes, en su mayoría del sur pobre. Ningún oficial ha sido acusado.
    Boluarte llama terroristas a los manifestantes; sus ministros dicen que los
    pagan los narcotraficantes. Cada mentira prepara la próxima masacre.

chant = «¡Esta democracia ya no es democracia!» – el grito de todas las plazas, de Puno a Lima

behind = Quién está detrás del golpe

congress =
    En el Congreso que destituyó a Castillo confía menos de un peruano de cada
    diez. Muchos de sus miembros pertenecen a partidos que existen para proteger
    un negocio, una universidad privada o una fortuna hecha bajo la dictadura de
    Alberto Fujimori, cuya Constitución de 1993 sigue rigiendo el país. Esa
    Constitución entregó las minas, el gas y el agua a empresas privadas, e hizo
    casi imposible que el pueblo la cambie.

mines =
    Las minas del sur son el verdadero botín. El cobre de Apurímac, Cusco y
    Moquegua sale del país a través de empresas que cotizan en Londres, Zúrich y
    Toronto, mientras las comunidades que rodean los tajos no tienen agua limpia.
    Cuando esas comunidades bloquean una carretera, el Estado declara la
    emergencia y manda a las tropas. El golpe es su garantía de que nada cambie.

demands = Lo que exigimos

demand-boluarte = ¡Fuera Boluarte, y con ella el Congreso golpista!
demand-justice = Justicia para los muertos: juicio a quienes dieron la orden de disparar y a quienes dispararon.
demand-prisoners = Libertad para todos los presos políticos, entre ellos { -castillo }, y fin del estado de emergencia.
demand-assembly = Una asamblea constituyente elegida por los obreros, los campesinos y los pueblos indígenas, no una hecha a la medida del Congreso.
demand-uk = Ni armas, ni entrenamiento, ni amparo diplomático británico para un régimen que dispara contra su pueblo.

meeting = Ven a la reunión pública

meeting-text =
    Compañeras y compañeros de la comunidad peruana en Londres, de los sindicatos
    de aquí y, por video desde Puno y Lima, del movimiento en el Perú hablarán del
    paro, de los bloqueos y de la marcha sobre la capital, y de lo que puede lograr
    la solidaridad desde Gran Bretaña. Habrá tiempo para preguntas y para preparar
    juntos la próxima protesta.

join =
    Trae a tus amigos y compañeros de trabajo. Si tu sindicato, tu asociación de
    estudiantes o tu organización puede enviar un mensaje de apoyo o una donación
    para los fondos de huelga, háblanos en la reunión. Su lucha es la nuestra.

slogan = ¡Abajo el golpe! ¡El pueblo decidirá!

turn-over = Sigue al dorso

when-where = Jueves { $day } de enero de { $year }, 19:00 – { $place }
    .entry = Entrada libre. Colecta para los fondos de huelga en el Perú.
