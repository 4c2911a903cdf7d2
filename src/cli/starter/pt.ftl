## Texto em português do panfleto (leaflets/{{name}}.toml). Substitua-o pelo seu.
## { $place } e { $when } vêm de [args] no arquivo TOML.
## *texto* sai em itálico e **texto** em negrito.

headline = Salvemos a nossa biblioteca!

intro =
    A prefeitura quer fechar a **Biblioteca Central** no fim do ano. Há quarenta
    anos é ali que as crianças aprendem a ler, que estudam os que não têm um canto
    tranquilo em casa e que qualquer pessoa pode usar um computador de graça.
    Fechá-la economiza menos do que a prefeitura gasta com consultores em um mês.
    .demands = Exigimos:

demand-one = Que a Biblioteca Central continue aberta, com o seu horário.
demand-two = Nenhum corte no pessoal que a mantém.
demand-three = Uma assembleia pública antes de qualquer decisão sobre as bibliotecas.

slogan = A nossa biblioteca, o nosso futuro!

when-where = { DATETIME($when, dateStyle: "full", timeStyle: "short") }, { $place }
