## English text of the tenants’ assembly leaflet (leaflets/tenants-assembly.toml).
## Variables such as { $place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-estate = Marlowe Gardens
-landlord = Kestrel Vale 