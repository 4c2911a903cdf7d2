## English text of the strike fund leaflet (leaflets/strike-fund.toml).

logo-alt = The Cleaners United logo: the union's name and a broom in a purple circle

headline = Keep the strike strong

intro =
    { $workers } cleaners at the University of Southwark have lost a week’s wages
    to win a living wage and sick pay. Every pound in the strike fund is a day
    longer they can hold out. Our target: **£{ $target }**.

help-give = Give what you can, once or every month.
help-collect = Take a collection bucket to your workplace or union branch.
help-visit = Bring food and a warm drink to the picket line, from 7 am.

slogan = An injury to one is an injury to all

scan = Scan the code or visit { $url } to give.
