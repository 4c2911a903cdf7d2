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
    Trabalhadores e camponeses se levantaram em todo o país;