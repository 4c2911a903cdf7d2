## English text of the leaflet (leaflets/{{name}}.toml). Replace it with yours.
## { $place } and { $when } come from [args] in the TOML file.
## *text* is set in italic and **text** in bold.

headline = Save our library!

intro =
    The council wants to close the **Central Library** at the end of the year. For
    forty years it has been where children learn to read, where students without
    a quiet room at home can work, and where anyone can use a computer for free.
    Closing it saves less than the council spends on consultants in a month.
    .demands = We demand:

demand-one = Keep the Central Library open, with its opening hours.
demand-two = No cuts to the staff who run it.
demand-three = A public meeting before any decision on libraries.

slogan = Our library, our future!

when-where = { DATETIME($when, dateStyle: "full", timeStyle: "short") }, { $place }
