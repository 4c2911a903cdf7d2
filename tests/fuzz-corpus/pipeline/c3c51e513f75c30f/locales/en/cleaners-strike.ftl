## English text of the cleaners’ strike solidarity leaflet (leaflets/cleaners-strike.toml).
## Variables such as { $picket-place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-university = University of Southwark
-contractor = Corvane Facility Services
-term = { -term }

headline = Cleaners on strike!

# $workers is a number, so the selec