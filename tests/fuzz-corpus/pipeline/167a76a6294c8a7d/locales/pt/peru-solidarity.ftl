## Texto em português do panfleto de solidariedade ao Peru (leaflets/peru-solidarity.toml).
## As variáveis como { $place } vêm da tabela [args] do arquivo TOML.

# Os termos (nomes que começam com hífen) podem ser reutilizados nas mensagens,
# mas nunca aparecem sozinhos na página.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = { -lol6 }
-lol0 = lol
-lol1 = { -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }
-lol2 = { -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }
-lol3 = { -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }
-lol4 = { -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }
-lol5 = { -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }
-lol6 = { -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }


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
    Liberdade para { -castillo }, que os ju�