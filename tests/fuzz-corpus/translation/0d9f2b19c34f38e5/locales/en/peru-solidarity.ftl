## English text of the Peru solidarity leaflet (leaflets/peru-solidarity.toml).
## Variables such as { $place } come from the [args] table of the TOML file.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-castillo = Pedro Castillo
-boluarte = Dina Boluarte

headline = Hands off Peru! Down with the coup!

intro =
    On 7 December Peru’s Congress removed President { -castillo },
    elected by the poor of city and countryside, and he was thrown i