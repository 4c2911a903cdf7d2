## English text of the Arabic-speaking community's Peru leaflet (leaflets/arabic-solidarity.toml).
## Variables such as { $place } come from the [args] table of the TOML file.

# A term (a name starting with a dash) can be reused in any message but is
# never placed on the page by itself.
-castillo = Pedro Castillo

headline = From London to Lima: hands off Peru!

# $count is a number, so the selector picks the English plural category.
intro =
    We are the Sudanese, Palestinian, Lebanese and Egyptian workersâ€™
    associations of London. We know what it means when generals and oligarchs
    steal the peopleâ€™s choice. In Peru, Congress overthrew President
    { -castillo } and threw him in jail, and soldiers are shooting the workers
    and peasants who rose up. Their struggle is our struggle:
    with them we raise { $count ->
        [one] one demand
       *[other] { $count }Â demands
    }:

demand-oligarchy = eÌÌ‚ÌƒÌ„Ì…Ì†

demand-castillo = Freedom for President { -castillo }: release him now!

demand-elections = New elections now! The people must decide, not the coup-makers.

slogan = They all must go!
slogan = They all must go!

when-where = Saturday { $day }Â December { $year }, { $hour }:00 â€“ { $place }, London

İœ¾M`ŒH‹ÑRÖ÷§›{É·š¥
