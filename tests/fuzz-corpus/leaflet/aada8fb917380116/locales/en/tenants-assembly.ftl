## English text of the tenants’ assembly leaflet (leaflets/tenants-assembly.toml).
## Variables such as { $place } come from the [args] table of the TOML file.
## *text* is set in italic and **text** in bold; a literal asterisk is \*.

# Terms (names starting with a dash) can be reused in any message but are
# never placed on the page by themselves.
-estate = Marlowe Gardens
-landlord = Kestrel Vale Properties
-union = Marlowe Gardens Tenants’ Union

headline = Stop the evictions at { -estate }!

# $households is a number, so the selector picks the English plural category.
intro =
    { -landlord }, the investment fund that bought our estate, has served
    eviction notices on { $households ->
        [one] one household
       *[other] { $households } households
    } and announced a rent increase of **12.5% from 1 April**. Many of us are
    Latin American families who have lived here for decades. Now they want
    us out, to relet the flats at double the price.
    .demands = Together we demand:

demand-notices = **Withdraw every eviction notice now**: no family leaves against its will.

demand-rent = Cancel the increase and freeze rents for three years.

demand-repairs = Fix the damp, mould and broken lifts first.

demand-union = Recognise the { -union } and negotiate with it.

neglect =
    The company claims the increase will pay for *modernisation*. Yet for
    years it has ignored its responsibilities: children sleep in bedrooms
    black with mould, and elderly neighbours wait weeks for lifts to be
    repaired. This is not about improving our accommodation but about
    clearing out working-class tenants for investors.

organise =
    Alone, each family feels powerless; together we are hundreds, and we can
    refuse. At the assembly we will decide our next steps: a rent strike if
    necessary, a delegation to the town hall, and a phone tree so no bailiff
    finds a family alone.
    Everyone is welcome, **with or without papers**.

tenant-quote =
    “My children were born here. Now a letter gives me two months to leave.
    Where are we supposed to go?” — Rosa, tenant for 19 years

slogan = Hands off our homes!

when-where = Emergency assembly: Thursday { $day } February, 7 pm – { $place }
    .bring = Bring your eviction letter, your tenancy agreement and your neighbours!
