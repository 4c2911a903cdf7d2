## English text of the tenants’ assembly leaflet (leaflets/tenants-assembly.toml).
## Variables such as { $place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-estate = Marlowe Gardens
-landlord = Kestrel Vale Properties
-union = Marlowe Gardens Tenants’ Union

headline = { 99999999999999999999999999999999 }
# $households is a number, so the selector picks the English plural category.
intro =
    { -landlord }, the investment fund that bought our estate, has served
    eviction notices on { $households ->
        [one] one household
       *[other] { $households } households
    } and announced a rent increase of **12.5% from 1 April**. Many of us are
    Latin American families who have lived here for decades. Now they want
    us o