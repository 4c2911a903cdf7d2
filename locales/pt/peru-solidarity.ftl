## Texto em português do panfleto de solidariedade ao Peru (leaflets/peru-solidarity.toml).
## As variáveis como { $place } vêm da tabela [args] do arquivo TOML.

# Os termos (nomes que começam com hífen) podem ser reutilizados nas mensagens,
# mas nunca aparecem sozinhos na página.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = Tirem as mãos do Peru! Abaixo o golpe!

intro =
    Em 7 de dezembro, o Congresso destituiu o presidente { -castillo },
    eleito pelos pobres do campo e da cidade, e ele foi jogado na cadeia. No lugar
    dele, empossou { -boluarte }, que governa com o exército nas ruas.
    Trabalhadores e camponeses se levantaram em todo o país; soldados e
    policiais responderam à bala, assassinando manifestantes em Apurímac,
    Ayacucho e outras regiões.
    .demands = Exigimos:

demand-oligarchy = Fora a oligarquia: abaixo o regime golpista e o Congresso corrupto!

# $months é um número: o seletor escolhe a categoria de plural do português
# (no Brasil, “one” vale para 0 e 1; por isso o 1 tem variante própria).
demand-castillo =
    Liberdade para { -castillo }, que os juízes querem manter preso por { $months ->
        [1] um mês
        [one] { $months } mês
        [many] { $months } de meses
       *[other] { $months } meses
    } sem julgamento!

demand-elections = Eleições gerais já! Quem decide é o povo, não o Congresso — por meio de uma assembleia constituinte.

strike =
    Em 15 de dezembro, as organizações operárias e camponesas de todo o Peru
    convocaram uma greve geral. Há estradas bloqueadas dos Andes ao litoral,
    e o regime responde com mais repressão. A greve mostra onde está o
    verdadeiro poder: nas mãos de quem faz o país funcionar com o próprio
    trabalho.

assembly =
    Mas a greve precisa ir além. Apoiamos o chamado por uma Assembleia
    Nacional Revolucionária de Trabalhadores e Camponeses — com delegados
    eleitos em cada local de trabalho e em cada comunidade — para colocar o
    futuro do país nas mãos de quem trabalha. De Londres, dizemos:
    o golpe não passará!

slogan = Fora todos eles!

when-where = Sábado, { $day } de dezembro de { $year }, às 14h — { $place }, Londres
    .bring = Tragam amigos, bandeiras e apitos! Mais: https://example.org/peru
