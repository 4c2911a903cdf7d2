## English text of the cleaners’ strike solidarity leaflet (leaflets/cleaners-strike.toml).
## Variables such as { $picket-place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# never placed on the page by themselves.
-university = University of Southwark
-contractor = Corvane Facility Services

headline = Cleaners on strike!

# $workers is a number, so the selector picks the English plural category.
intro = { NUMBER($day, minimumFractionDigits: 100) }
    On **Monday 3 March** the cleaners of the { -university } —
    { $workers ->
        [one] one worker
       *[other] { $workers } workers
    } — walk out on strike. They make lecture theatres, libraries and
    laboratories spotless before students arrive, yet the university does
    not even employ them: { -contractor }, a subcontractor, pays
    them **£12.60 an hour**,