"""Words that name places and publishers, for the tagger's features (and given names,
for reading name lists).

Hand-written (not learnt from the labelled data, so cross-validation stays fair): the
cities where books are most often published, countries and US states with their postal
and old abbreviations ("Cambridge, MA:", "Garden City, N.Y.:"), and publishers' own
names. A token is matched by its lower-cased text without edge punctuation. Words that
are common outside places ("new", "city", "san") and places that are also names of
people ("Lincoln", "Austin", "Virginia") are left out: the tagger reads them from their
neighbours.
"""

from __future__ import annotations

CITY_WORDS = frozenset("""
london york paris berlin oxford cambridge chicago boston amsterdam leiden munich münchen
frankfurt hamburg leipzig stuttgart tübingen göttingen heidelberg cologne köln wien vienna
zurich zürich basel bern geneva genève rome roma milan milano florence firenze turin torino
bologna venice venezia naples napoli madrid barcelona lisbon lisboa porto brussels bruxelles
antwerp rotterdam utrecht copenhagen stockholm oslo helsinki uppsala lund warsaw warszawa
kraków cracow prague praha budapest bratislava bucharest sofia athens moscow moskva
petersburg istanbul ankara cairo jerusalem tel aviv mumbai bombay calcutta kolkata madras
chennai karachi lahore dhaka beijing peking shanghai nanjing guangzhou hong kong taipei
tokyo kyoto osaka seoul singapore manila jakarta bangkok hanoi melbourne brisbane adelaide
canberra auckland wellington toronto montreal montréal ottawa vancouver quebec québec mexico
buenos aires lima bogotá caracas rio janeiro são johannesburg nairobi lagos ibadan accra
dakar edinburgh glasgow manchester birmingham liverpool leeds bristol dublin belfast cardiff
aberdeen princeton berkeley stanford ithaca evanston bloomington urbana champaign ann arbor
minneapolis philadelphia pittsburgh baltimore washington d.c. dc atlanta miami denver
seattle portland francisco angeles diego honolulu detroit cleveland cincinnati indianapolis
nashville albany buffalo syracuse haven hartford amherst newbury thousand oaks hoboken
westport norwood lanham totowa armonk oxon abingdon basingstoke harmondsworth chichester
cheltenham aldershot farnham sebastopol norwich exeter sheffield nottingham bend raton
bethesda rockville tucson charlottesville raleigh knoxville baton rouge gainesville
tallahassee amsterdam/philadelphia dordrecht heidelberg/berlin berlin/heidelberg boulder
nashville louisville urbana/chicago lubbock austin/tex reno tempe tuscon albuquerque irvine
pasadena sacramento oakland mahwah hillsdale piscataway newark trenton wilmington annapolis
norfolk columbus dayton akron toledo milwaukee iowa ames omaha wichita tulsa dallas memphis
louisville birmingham/ala tuscaloosa charleston savannah orlando tampa sarasota burlington
montpelier worcester northampton storrs waltham cambridge/mass medford lanham/md
thousand/oaks rapids ann/arbor kalamazoo lansing rapids provo ogden boise spokane tacoma
olympia calgary edmonton winnipeg saskatoon halifax fredericton london/new oxford/new
cambridge/new leicester guildford brighton southampton plymouth york/london durham/uk
newcastle sunderland bradford huddleston dundee swansea aberystwyth cork galway limerick
maynooth leuven louvain gent ghent liège namur luxembourg strasbourg lyon marseille toulouse
bordeaux lille nantes rennes grenoble montpellier aix-en-provence bonn mainz mannheim
freiburg konstanz würzburg nürnberg nuremberg regensburg bamberg marburg gießen giessen
kassel hannover bremen kiel münster bielefeld dortmund düsseldorf duisburg wuppertal
darmstadt karlsruhe ulm dresden jena weimar rostock greifswald potsdam graz innsbruck
salzburg linz lausanne fribourg lucerne luzern lugano padua padova pisa siena perugia genoa
genova verona trieste palermo bari catania salamanca sevilla seville valencia granada
zaragoza bilbao coimbra braga krakow wrocław poznań gdańsk lodz łódź brno ljubljana zagreb
belgrade beograd kiev kyiv minsk riga tallinn vilnius tbilisi yerevan baku tehran teheran
baghdad beirut damascus amman riyadh delhi bangalore hyderabad pune colombo kathmandu
islamabad kabul tashkent almaty ulaanbaatar hangzhou wuhan chengdu tianjin xi'an xian
changsha jinan shenyang harbin kunming fuzhou xiamen nanning taiyuan lanzhou urumqi hohhot
guilin suzhou yokohama nagoya sapporo kobe fukuoka sendai busan pusan daejeon kaohsiung
taichung macau kuala lumpur penang yogyakarta surabaya bandung cebu phnom penh vientiane
yangon rangoon dhaka/bangladesh perth hobart christchurch dunedin suva pretoria durban
grahamstown stellenbosch harare lusaka kampala addis ababa khartoum tunis algiers rabat
casablanca abuja enugu zaria kumasi montevideo santiago valparaíso quito asunción havana
guadalajara monterrey puebla
""".split())

# Countries and US states (names and abbreviations): the second part of "City, Region".
# Countries whose name is also a common word or first name ("Chad", "Jordan", "Turkey",
# "Georgia", "Israel", "Guinea", "Niger", "Mali") are left out.
REGION_WORDS = frozenset("""
uk usa u.s.a u.s england scotland wales ireland britain germany france italy spain portugal
netherlands holland belgium switzerland austria sweden norway denmark finland poland russia
china japan korea india australia canada brazil argentina alabama alaska arizona arkansas
california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada hampshire dakota ohio oklahoma oregon pennsylvania rhode tennessee
texas utah vermont wisconsin wyoming n.y n.j n.h n.c n.m n.d s.c s.d r.i w.va ala ariz ark
calif colo conn del fla ill ind kan kans ky mass mich minn miss mo mont neb nebr nev okla
ore penn pa tenn tex vt va wash wis wisc wyo
afghanistan albania algeria andorra angola armenia azerbaijan bahamas bahrain bangladesh
barbados belarus belize benin bhutan bolivia bosnia botswana brunei bulgaria burundi
cambodia cameroon chile colombia congo croatia cuba cyprus czechia djibouti ecuador egypt
eritrea estonia eswatini ethiopia fiji gabon gambia ghana greece guatemala guyana haiti
honduras hungary iceland indonesia iran iraq jamaica kazakhstan kenya kosovo kuwait
kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives malta mauritania mauritius moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nepal nicaragua nigeria oman pakistan
palestine panama paraguay peru philippines qatar romania rwanda senegal serbia slovakia
slovenia somalia sudan suriname syria taiwan tajikistan tanzania thailand tunisia
turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
""".split())

PLACE_WORDS = CITY_WORDS | REGION_WORDS

# Regions named by two or three words whose last word alone is no region (or is left out
# above as a common word), and provinces and states the list above does not have: matched
# whole, lower-cased, by the span rules only (the tagger's features stay as trained).
REGION_NAMES = frozenset({
    "new jersey", "new mexico", "north carolina", "south carolina", "west virginia",
    "rhode island", "new south wales", "british columbia", "district of columbia",
    "new brunswick", "nova scotia", "south australia", "western australia",
    "northern ireland", "new zealand", "south africa", "sri lanka", "saudi arabia",
    "costa rica", "puerto rico", "hong kong", "the netherlands", "czech republic",
    "united states", "united kingdom",
    # provinces and states whose one-word names the tagger's list leaves out
    "ontario", "alberta", "manitoba", "saskatchewan", "bavaria", "bayern", "catalonia",
    "catalunya", "andalusia", "tuscany", "toscana", "lombardy", "lombardia", "flanders",
    "wallonia", "queensland", "victoria", "tasmania"})

# US postal codes count only when written in capitals ("IN", "MA"): "in", "or", "me" are
# words.
STATE_CODES = frozenset("""
AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY UK
""".split())

PUBLISHER_WORDS = frozenset("""
routledge penguin springer wiley elsevier macmillan palgrave norton knopf doubleday harper
harpercollins longman blackwell brill bloomsbury sage clarendon pearson mcgraw-hill
heinemann faber hachette gallimard seuil flammarion fayard minuit puf armand colin suhrkamp
fischer rowohlt hanser beck mohr siebeck vandenhoeck ruprecht kohlhammer gruyter metzler
reclam einaudi feltrinelli laterza mondadori bompiani anagrama alianza cátedra vintage
random anchor basic viking scribner simon schuster houghton mifflin little brown farrar
straus giroux putnam bantam dell ballantine crown pantheon grove verso polity continuum
ashgate praeger greenwood rowman littlefield kluwer nijhoff benjamins cengage addison-wesley
prentice academic erlbaum guilford jossey-bass wadsworth freeman saunders mosby lippincott
karger thieme crc taylor francis westview eerdmans zondervan crossway paulist liturgical
schocken wheatsheaf tavistock fontana hogarth chatto windus bodley duckworth gollancz
methuen picador virago batsford zed pluto wishart tauris i.b chatto/windus boydell brewer
manchester ashgate/variorum vrin belin hachette/pluriel payot plon grasset larousse dalloz
karthala l'harmattan harmattan decouverte découverte découverte aschendorff böhlau kösel
schöningh teubner ullstein westdeutscher wissenschaftliche buchgesellschaft hirzel francke
hueber cornelsen carocci giuffrè garzanti donzelli bulzoni editori riuniti tusquets paidós
akal gredos espasa cátedra/madrid tecnos afrontamento almedina zahar companhia iwanami
shinchosha chikuma yuhikaku heibonsha chuokoron zhonghua shangwu sanlian renmin kexue
continuum/new stanford/calif mcnally mcfarland scarecrow rodopi rienner butterworth
butterworths heinemann/oxford pergamon north-holland birkhäuser vieweg oldenbourg
hanser/munich benjamin/cummings o'reilly apress packt wrox sybex peachpit bantam/doubleday
anchor/doubleday scribner's scribners atheneum avon harcourt jovanovich rinehart dutton
ballantine/del bloomsbury/continuum i.b.tauris tauris/london belknap
""".split())


# Common given names (English, German, Dutch, Scandinavian, French, Italian, Spanish,
# Portuguese, Slavic in Latin letters), lower-cased: read by names.py only, to tell two
# natural-order names ("Anna Weber, Paul Roth") from one inverted name with a two-word
# family ("García Márquez, Gabriel José"). Hand-written; names that are at least as common
# as family names ("Thomas", "Martin") are in it, so a list whose first family is one of
# them stays read as inverted, as before.
GIVEN_NAMES = frozenset("""
aaron abigail adam adrian agnes alan albert alberto alexander alexandra alfred alfredo
alice alison amanda amy ana andrea andreas andrew andrzej angela angelika anita ann anna
anne anneke annette anthony antoine anton antonio arne arthur astrid axel barbara beatriz
ben benjamin bernard bernd bernhard bert bettina birgit bjørn bob brian bruno camille
carl carla carlos carmen carol caroline catherine cecilia charles charlotte chiara
christian christina christine christoph christopher claire clara claude claudia colin
cristina daniel daniela david deborah denis dennis diana diego dieter dirk dmitri dominique
donald dorothy douglas edward eleanor elena elisabeth elizabeth ellen emil emily emma eric
erik erika ernst eva evelyn fabio federico felix fernando filip florian francesca
francesco francis francisco françois frank franz françoise frederick friedrich gabriel
gabriele gary georg george gérard gerhard gianni giorgio giovanni giulia giuseppe gordon
grace gregory gudrun guido günter günther gustav hannah hans harald harold harriet heinrich
heinz helen helena helga helmut henri henrik henry herbert hermann hilary hugh hugo ian
ingrid irene isabel isabelle jack jacob jacques jakob james jan jane janet jean jeanne
jennifer jens jérôme jessica joachim joan joanna johan johann johannes john jonathan
jorge josé josef joseph juan judith julia julian julie julius jürgen justin karen karin
karl katarzyna katharina katherine kathleen katrin kenneth kevin klaus krzysztof kurt
lars laura laurent lena leo leon leonard lisa lorenzo louis louise lucia lucy ludwig luis
luisa lukas luca lutz magdalena manfred manuel marc marcel marco margaret margarethe
maria marie marina mario marion mark markus marta martha martin mary matthew matthias
maurice max maximilian melanie michael michel michele michelle miguel mikhail monika nancy
natalia nathalie nicholas nicola nicolas niels nikolai nils nina norbert olaf olga oliver
olivier pablo paola patricia patrick paul paula pedro per peter petra philip philipp
philippe pierre pietro piotr rachel rafael rainer ralf ralph raymond rebecca renate
rené richard rita robert roberto roger roland rolf rosa ruth sabine sally samuel sandra
sara sarah sebastian sergei sergio silvia simon simone sofia sophie stefan stefano
stephan stephen steven susan susanne sven sylvia tatiana teresa thomas tobias tomasz
ulrich ursula uwe valentina vera veronica victor vincent vincenzo virginia walter werner
wilhelm william wolfgang yves zofia
""".split())
