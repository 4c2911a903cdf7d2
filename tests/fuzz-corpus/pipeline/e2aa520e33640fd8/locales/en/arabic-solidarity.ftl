## English text of the Arabic-speaking community's Peru leaflet (leaflets/arabic-solidarity.toml).
## Variables such as { $place } come from the [args] table of the TOML file.

# A term (a name starting with a dash) can be reused in any message but is
# never placed on the page by itself.
-castillo = Pedro Castillo

headline = From London to Lima: hands off Peru!

# $count is a number, so the selector picks the English plural category.
intro =
    We are the Sudanese, Palestinian, Lebanese and Egyptian workers’
    associations of London. We know what it means when generals and oligarchs
    steal the people’s choice. In Peru, Congress overthrew President
headline = again
    { -castillo } and threw him in jail, and soldiers are shooting the workers
    and peasants who rose up. Their struggle is our struggle:
    with them we raise { $count ->
        [one] one demand
       *[other] { $count } demands
    }:

demand-oligarchy =  

demand-castillo = Freedom for President { -castillo }: release him now!

demand-elections = New elections now! The people must decide, not the coup-makers.

slogan = { -lol6 }
-lol0 = lol
-lol1 = { -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }
-lol2 = { -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }
-lol3 = { -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }
-lol4 = { -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }
-lol5 = { -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }
-lol6 = { -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }

slogan = They all must go!

when-where = ́́́́́́́́́́́́́́́́
