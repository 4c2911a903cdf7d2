## English text of the cleaners’ strike solidarity leaflet (leaflets/cleaners-strike.toml).
## Variables such as { $picket-place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-university = University of Southwark
-contractor = Corvane Facility Services

headline = Cleaners on strike!

# $workers is a number, so the selector picks the English plural category.
intro =
    On **Monday 3 March** the cleaners of the { -university } —
    { $workers ->
        [one] one worker
       *[other] { $workers } workers
    } — walk out on strike. They make lecture theatres, libraries and
    laboratories spotless before students arrive, yet the university does
    not even employ them: { -contractor }, a subcontractor, pays
    them **£12.60 an hour**, far below the London Living Wage, and nothing
    when they fall ill.
    .demands = The cleaners are demanding:

demand-wage = The London Living Wage for every cleaner.

demand-sick-pay = Full sick pay from day one.

demand-in-house = End subcontracting: bring the cleaners in-house, with the same rights as other staff.

outsourcing =
    Outsourcing is a *political* choice: the university saves money and sheds
    its responsibilities to the people who clean its buildings.
    Employed directly, cleaners would have holiday pay, sick pay and a pension,
    like the lecturers. Instead, many hold down two jobs and cross London
    before dawn.

solidarity =
    Management expects students and staff to look away. Prove them wrong:
    join the picket line at 7 am and **refuse to cross it**, then come to the
    rally at midday and show the vice-chancellor whose side we are on. *An
    injury to one is an injury to all.*

cleaner-quote =
    “After my operation I was back at work within a week: I could not
    afford to lose my wages. We want dignity, not charity.” — María, cleaner
    for 11 years

slogan = We are the university!

picket = Picket: Monday 3 March, from 7 am – { $picket-place }

rally = Rally: Monday 3 March, 12 noon – { $rally-place }, { -university }
