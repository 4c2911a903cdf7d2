## English text of the library leaflet, an A4 sheet roll-folded to DL
## (leaflets/library-roll-fold.toml) or folded once to A5 (leaflets/library-half-fold.toml).
## Variables come from [args] in the TOML files.

headline = Save Riverside Library!

cover-line = The council wants to close our library in April. It is the only free, warm, public room in the neighbourhood.

slogan = Books, not boarded windows

why = Why it matters

intro =
    Riverside Library has served this neighbourhood for sixty-two years. Every
    week more than two thousand people come through its doors: children after
    school, pensioners reading the paper, job seekers at the computers,
    families who have just arrived and are learning the language.

what-we-lose = If the library closes, we lose:

loss-books = forty thousand books, newspapers and films, free to borrow;
loss-computers = twelve computers with internet and a printer, the only ones many of us can use;
loss-classes = language classes, homework clubs and the Saturday story time;
loss-warmth = a warm, safe place to sit, open six days a week, where nobody has to buy anything.

demands-heading = We demand

demand-open = **Keep Riverside Library open**, with its present hours.
demand-staff = Keep the librarians: volunteers cannot replace trained staff.
demand-consult = A real consultation, in the languages spoken here, before any decision.

reader-quote = I learned English at those tables. Now my daughter does her homework at the same one.

help-heading = How you can help

help =
    Sign the petition: scan the code on the back. Tell your neighbours. Write to
    your councillor. Borrow books: every loan counts in the council's figures.
    And come to the public meeting, with your family and friends.

meeting = Public meeting

meeting-when = Thursday { $day } March at 6.30 pm, { $place }. Interpreters for Spanish and Portuguese; children welcome.

contact = Friends of Riverside Library · friendsofriverside@example.org · 07700 900123
