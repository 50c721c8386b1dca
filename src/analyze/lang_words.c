/* lang_words.c - frequent function words per language, written for revue.
 *
 * Only short, very frequent words belong here (articles, prepositions,
 * pronouns, auxiliaries, conjunctions): they are what any sentence of a few
 * words contains, whatever its subject. A word may appear under several
 * languages; lang.c gives it less weight then.
 */
#include "analyze/lang_words.h"

const struct rv__lang_words rv__lang_words[] = {
    /* Latin script */
    {"en", "the of and to in is that for it was on with as he be by at are this from his have "
           "an not or but they which had were has been their she her its we will would who "
           "all there more can said you after also about up out them than when into only "
           "other new some could these two first over what said should because while those "
           "our your how most where being do does did such any no just"},
    {"fr", "mon ma maintenant ceci cela notre chaque moins quelque rien autre ait faire alors le "
           "la les de des du un une et est en que qui dans pour pas au aux sur par plus "
           "il elle ne se ce sont avec ou mais son sa ses on nous vous ont été cette être "
           "comme tout leur lui fait dont était ils elles aussi même entre après deux où très "
           "sans sous ces cet selon alors avait depuis encore mes notre quand ainsi donc "
           "contre bien peut je tous toutes leurs avoir"},
    {"de", "der die das und in den von zu mit ist des im dem nicht ein eine einer einem einen "
           "auf sich für es auch an als er sie werden wird wurde hat haben bei aus nach noch "
           "wie um oder aber nur vor zum zur so durch über sind war dass man kann mehr schon "
           "sein ihre seine diese dieser dieses gegen wenn wir ich uns sowie seit bis unter "
           "keine können wurden worden zwei jahr jahren immer dann hatte waren"},
    {"es", "mi me te ahora esto eso usted nuestro nuestra cada menos algo nada otro otra haya "
           "tenga hacer entonces el la los las de del y en que un una es por con para se no al lo "
           "como más su sus "
           "pero fue ha han este esta entre sobre también muy ya sin hasta desde son le les "
           "cuando donde todo porque era ser está dos año años hay sido tiene puede según "
           "durante otros otras ese esa estos estas mismo cual fueron yo nos unos unas hacia "
           "tras aunque ni bien"},
    {"it", "mio mia ora quello lei nostro nostra ogni meno qualcosa niente altro altra abbia fare "
           "allora il lo la i gli le di del della dei delle degli e è in che un una per con non si "
           "da dal dalla al alla alle ai nel nella nei sono come più ma anche ha hanno questo "
           "questa stato stata essere tra fra suo sua loro dopo quando ancora molto tutto ci "
           "cui sia uno degli negli sul sulla ad ed sempre questi quella quello aveva era "
           "perché tutti essere fino poi solo mentre"},
    {"pt",
     "meu minha agora isso isto você nosso nossa cada menos algo nada outro outra tenha fazer "
     "então o a os as de do da dos das e em no na nos nas um uma que é para com não por pelo "
     "pela se mais como mas foi ao aos à ser são seu sua também já ele ela entre sobre "
     "quando muito está há até isso pode anos ano seus suas eles elas esta este sem "
     "mesmo depois ainda foram onde num numa pelos pelas tem têm estão sido essa esse "
     "nem porque quem era uns umas"},
    {"nl", "de het een en van in is dat op te met voor niet zijn aan er die door als ook bij "
           "maar om naar uit dan wordt werd heeft hebben was worden nog kan of deze dit tot "
           "over meer al wel zo geen zich hij ze we wat nu zal na onder jaar hun haar waren "
           "moet tegen ik veel waar omdat tussen zoals toen"},
    {"ca", "meu meva ara això aquí vostè nostre nostra menys res altre altra hagi fer llavors el "
           "la els les de del i a en que un una és per amb no es al als més com però va "
           "ha han seu seva seus seves dels aquest aquesta aquests també sobre entre ser molt "
           "quan fins són tot hi ho li ja pel pels perquè això són era van fer anys any dues "
           "dos fou cap sense on"},
    {"ro", "și în de la a cu pe din care este un o nu se că al ale ca mai pentru sunt au fost "
           "sau dar lui ei el ea acest această fi prin după sa său lor unui unei fiind avea "
           "are poate acum între fără despre astfel atât doar cele cel cea iar dintre foarte"},
    {"pl", "i w na z do że nie się jest to o od po jak a ale za przez dla oraz tak są być "
           "było jego jej ich który która które którzy tym co też już może tego roku przy lub "
           "jednak bardzo był była były tylko gdy także czy mnie pod nad jako jeszcze ze we "
           "bez tej ten tych tę sobie można"},
    {"cs", "ne mezi ještě velmi jen co všechno dále protože proto tedy nic jste a v se na je že to "
           "s z do o k i by pro jako ale jsou byl byla bylo byly jeho její "
           "které který která kteří podle také už jen při po tak než nebo či mezi roku být "
           "jsem jsme má mají této tento tato této ve ze so bude bylo před během až když "
           "jejich může"},
    {"sk", "nie však medzi ešte veľmi iba čo všetko ďalej lebo preto teda nič ste a v sa na je že "
           "to s z do o k i by pre ako ale sú bol bola bolo boli jeho jej "
           "ktoré ktorý ktorá ktorí podľa tiež už len pri po tak než alebo aj roku byť som "
           "sme má majú tejto tento táto vo zo bude pred počas až keď ich môže"},
    {"sl", "in je v na se za da so z s ki pa to pri po kot tudi ali bi ni bo še iz do od ter "
           "le lahko bil bila bilo bili tega kar pred med smo sem jih ga ko leta ima nato "
           "saj zelo vendar"},
    {"hr", "tko tijekom tisuća tisuće milijuna sveučilište glazba obitelj tjedan kolovoza i je u "
           "na se da su za od s sa o koji koja koje iz do kao ali bio bila bilo što "
           "to te ne će bi a kako samo nije još ili već godine prema među nakon kojima "
           "koju također biti ima tijekom"},
    {"bs", "ko tokom hiljada hiljade miliona univerzitet muzika porodica sedmica avgusta i je u na "
           "se da su za od s sa o koji koja koje iz do kao ali bio bila bilo što "
           "šta to te ne će bi a kako samo nije još ili već godine prema među nakon kojima "
           "koju također biti ima tokom"},
    {"hu", "a az és hogy nem is egy meg de van volt csak mint már el ki be még ezt azt ez kell "
           "lesz után között pedig vagy mert amely sem fel majd szerint minden amikor "
           "valamint lehet nagy ahol akkor illetve így nagyon során ami aki"},
    {"fi", "ja on ei se että oli hän ovat mutta myös kun tai sen joka jo niin ole kuin "
           "mukaan vain nyt olla joita jonka ollut sekä vuonna siitä hänen tämä ovat olivat "
           "jotka mitä kanssa sitä voi vielä noin yli tästä"},
    {"et", "ja on ei et see oli ta kui ka aga mis või kes nii ning seda olla ole veel siis "
           "mida pärast tema nad üle juba kõik oma aasta ta mille kus selle sest mitte olid "
           "aastal"},
    {"lv", "un ir ar uz par no ka kas bija lai tas to arī bet vai pēc kā tika tiek gada savu "
           "viņš viņa jau līdz nav gadā kad tā šo šī tikai var būt vēl pie kuru kurš kura "
           "viņu"},
    {"lt", "ir kad yra į su iš o bet tai kaip jo jos už per buvo bus ar nuo dėl taip pat tik "
           "jau apie kurie kuris kuri savo metų kai yra bei tačiau buvo jis ji jie nes "
           "metais dar po"},
    {"sv", "och i att det som en på är av för med till den har de inte om ett var men han "
           "hon jag vi från sig så kan eller ska även efter vid nu när år också sina sitt "
           "skulle hade mot under detta denna blev alla"},
    {"da", "dig mig end måske stadig lidt siger sagde fået gøre gør uden blandt ud op ind bliver "
           "blive noget nogen meget igennem mellem fik hvordan kunne og i at det en den til er som "
           "på de med for af ikke der var har et han hun men "
           "fra sig så kan vil eller om efter også ved nu år blev skal havde jeg mod under "
           "denne dette alle hvor deres være sin sit"},
    {"nb", "å deg meg enn kanskje fortsatt litt sier sa fått gjøre gjør uten blant ut opp inn blir "
           "bli noe noen mye gjennom mellom fikk hvordan kunne og i det som er en på til av for "
           "med at ikke de har den var et om han hun men "
           "fra seg så kan vil eller etter også ved nå år ble jeg skal hadde mot under denne "
           "dette alle hvor deres være sin sitt hva"},
    {"nn", "å deg meg enn kanskje framleis litt seier fått gjere gjer utan blant ut opp inn blir bli "
           "noko nokon mykje gjennom mellom fekk korleis kunne vert og i det som er ein på til av "
           "for med at ikkje dei har den var eit om han ho men "
           "frå seg så kan vil eller etter også ved no år vart eg skal hadde mot under denne "
           "dette alle kvar deira vere sin sitt kva mykje"},
    {"is", "og í að á er sem til með var það um en ekki hann hún þau við af frá hafa eru "
           "hefur verið þess þá eða sé þeir þar hér einnig voru ég sína sínum"},
    {"tr", "ve bir bu da de için ile olarak çok daha en gibi ama ancak olan sonra kadar her "
           "şey değil var yok ne o ise mi diye göre ki bunu şu olduğu ilk yeni büyük tüm "
           "arasında"},
    {"az", "və bir bu da də üçün ilə olan çox daha ən kimi amma ki isə sonra qədər hər var "
           "yox o onun olaraq ilk yeni böyük bütün görə arasında edib"},
    {"id", "karena bisa saja setelah sesudah maupun baru pemerintah uang yang dan di ini itu "
           "dengan untuk dari dalam tidak akan pada ke juga ada adalah "
           "oleh karena mereka kami kita saya sudah telah bisa atau seperti tersebut lebih "
           "banyak namun hanya dapat saat"},
    {"ms", "kerana boleh sahaja selepas semasa mahupun baharu kerajaan wang yang dan di ini itu "
           "dengan untuk dari dalam tidak akan pada ke juga ada adalah "
           "oleh kerana mereka kami kita saya sudah telah boleh atau seperti tersebut lebih "
           "banyak namun hanya dapat ialah iaitu daripada"},
    {"tl", "ang ng sa na mga at ay si ni kanyang hindi para may siya ito isang kay noong din "
           "rin pa lamang naman ko ka mo niya nila kung dahil sila"},
    {"sw", "na ya wa kwa ni katika la za kuwa hiyo huo hii ambayo au lakini pia kama bado "
           "sana wake yake hata baada mwaka watu"},
    {"af", "n nou eerder jy baie maak kry asook gesê sê mense die en van in is het nie te wat dat "
           "vir met op word was sy hy om as aan deur ook "
           "na by hulle sal kan ek ons maar of hierdie daar jaar"},
    {"ga", "an na agus ar i is a le ag go de don sé sí níl bhí tá sin ach mar ó faoi seo "
           "bhfuil leis chun"},
    {"cy", "y yr a ac yn i o ar ei mae am gan fel ond hefyd wedi bod oedd roedd ni eu hyn "
           "gyda dros"},
    {"eu", "eta da ez du bat ere izan dira zen baina bere hori hau dute edo zuen beste dago "
           "egin"},
    {"eo", "la kaj de en al estas ke ne por kun el sed ĉe ankaŭ tiu li ŝi ili mi estis unu "
           "pri kiu kiuj"},
    {"la", "et in est non ad cum ut sed qui quae quod ex de per ab esse sunt erat se etiam "
           "hoc eius enim autem"},
    {"sq", "e të në dhe i një me për nga që është u se ka më nuk janë si ky kjo por edhe do "
           "kanë ishte pas"},
    {"vi", "và của có là không các những được trong cho người một với đã này để khi từ đến "
           "như về năm cũng"},
    {"mi", "te o ki i a ka me ko he e nga kua ngā tana mō hoki nei tēnei"},
    {"yo", "ati awon ninu pelu je ti re wa ko fi lo si fun ise ilu ojo odun ní ti àti ó ṣe wọn fún "
           "sí jẹ́ kò láti pé ń ni"},
    {"so", "iyo ka oo ee in u ay waa la ku uu ah soo ayaa aan"},
    {"zu", "ukuthi futhi kodwa uma noma kakhulu ngoba kanye"},
    {"xh", "ukuba kwaye ngokuba kodwa kakhulu"},
    {"st", "le ho ka ya ba a e sa ke hore tse"},
    {"tn", "le go ka ya ba a e mo o se gore"},
    {"ts", "ku na hi ni swi a le leswaku"},
    {"lg", "mu ku nga era nti oba"},
    /* Cyrillic */
    {"ru", "они мы вы ты меня мне себя свою своей будет есть нет даже очень чтобы если тоже можно "
           "нужно надо сейчас теперь тогда потом здесь вот ну ещё еще всё и в не на что с по он я "
           "как это к из а то но за от для о у так же все она его бы "
           "был была были только уже или ее её их который которые также при после было "
           "этого этом может года чем когда где"},
    {"uk", "я ти ми ви вони мене собі свою свої буде немає навіть дуже якщо теж можна треба зараз "
           "тепер тоді потім тут ось ще все між і в не на що з у та до як це від за для про але "
           "його її вже він вона було були "
           "також під після який яка які щоб чи бо й є року може коли де"},
    {"be", "і ў не на што з у да як гэта ад за для пра але яго яе ўжо ён яна было былі "
           "таксама пасля які якая якія каб ці года можа калі дзе"},
    {"bg", "аз ти ние вие те мен мене себе своя свое няма има много само също сега тогава тук вече "
           "дори защото ако трябва и в на да се не от за е с че по са това като ще но до този "
           "която които той тя си "
           "при след още бе във със има беше година може когато където"},
    {"mk", "кај околу според беа и во на да се не од за е со што по тоа како ќе но до овој која "
           "кои тој таа си при "
           "уште беше има година може кога каде"},
    {"sr", "из код око према током између и у на да се не од за је са што по су то као ће али до "
           "овај која који он она при "
           "после још био била има године може када где"},
    {"kk", "және мен бұл да де үшін деп бар еді болып ол оның бойынша жылы"},
    {"mn", "нь ын ийн байна юм болон гэж энэ тэр бол байгаа"},
    /* Arabic script */
    {"ar", "في من على إلى أن التي الذي عن مع ما هذا هذه كان لا قد بين كل أو ذلك بعد"},
    {"fa", "و در به از که این را با است برای آن یک تا می شد شده بود هم خود ها"},
    {"ur", "کے میں کی ہے اور کو سے کا نے یہ پر ہیں تھا وہ بھی کہ"},
    /* Devanagari */
    {"hi",
     "था थी थे गया किया कहा लेकिन साथ बाद के है में की और को से का एक यह पर भी नहीं हैं कि था लिए ने तो"},
    {"mr", "म्हणून तसेच नाही झाले असे काही सर्व त्यांनी आपल्या आहे व या आणि च्या ला हे की ते मध्ये त्या केले होते तर "
           "आहेत करण्यात"},
};

const unsigned rv__lang_words_count = sizeof rv__lang_words / sizeof rv__lang_words[0];
