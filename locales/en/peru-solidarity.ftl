## English text of the Peru solidarity leaflet (leaflets/peru-solidarity.toml).
## Variables such as { $place } come from the [args] table of the TOML file.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = Hands off Peru! Down with the coup!

intro =
    On 7 December Peru’s Congress removed President { -castillo },
    elected by the poor of city and countryside, and he was thrown in jail.
    In his place it installed { -boluarte }, who rules with the army on
    the streets. Workers and peasants have risen up across the country;
    soldiers and police have answered with bullets, killing protesters in
    Apurímac, Ayacucho and beyond.
    .demands = We demand:

demand-oligarchy = Kick out the oligarchy: down with the coup regime and the corrupt Congress!

# $months is a number, so the selector picks the English plural category.
demand-castillo =
    Free { -castillo }, whom the judges want to lock up for { $months ->
        [one] a month
       *[other] { $months } months
    } without trial!

demand-elections = General elections now! The people, not Congress, must decide – through a constituent assembly.

strike =
    On 15 December workers’ and peasants’ organisations across Peru called
    a general strike. Roads are blocked from the Andes to the coast, and the
    regime answers with more repression. The strike shows where real power
    lies: with those whose labour keeps the country running.

assembly =
    But the strike must go further. We back the call for a National
    Revolutionary Assembly of Workers and Peasants – delegates elected in every
    workplace and community – to take the country’s future into the hands of
    those who work it. From London we say: the coup shall not pass!

slogan = Kick them all out!

when-where = Saturday { $day } December { $year }, 2 pm – { $place }, London
    .bring = Bring friends, flags and whistles! More: https://example.org/peru
