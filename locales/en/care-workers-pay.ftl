## English text of leaflets/care-workers-pay.toml.

headline = Fair pay for care workers!

intro =
    Care workers in our borough earn less than the London Living Wage. They look
    after our parents and grandparents, often on twelve-hour shifts without a break.
    The council can change this: it is the council that pays the care companies.
    .demands = We demand:

demand-wage = The London Living Wage for every care worker.
demand-travel = Paid travel time between visits.
demand-sick-pay = Sick pay from the first day.

slogan = Care work is real work!

when-where = Saturday 22 March, 12 noon – { $place }
