using Qala.Engine.Calendar;
using Qala.Engine.Instructions.Extraction;
using Qala.Engine.Languages;

namespace Qala.Engine.Tests.Instructions;

/// <summary>Sentences written for these tests, in the three languages, directing and not directing.</summary>
public sealed class InstructionExtractorTests
{
    [Theory]
    [InlineData("I instruct the Ministry of Energy to submit a plan for the gasification of the region by 1 March 2019.", "directive: instruct", "the Ministry of Energy")]
    [InlineData("The Regional Administration must complete the reconstruction of the central hospital.", "modal: must", "The Regional Administration")]
    [InlineData("It is necessary to repair the water pipes in the old districts before winter.", "modal: It is necessary to", null)]
    [InlineData("Develop a roadmap for the new industrial park and submit it to the Government.", "imperative: Develop", null)]
    [InlineData("The Head of State forbade the construction of new plants inside the city.", "directive: forbade", null)]
    [InlineData("Поручаю акимату города Алматы разработать план строительства школ.", "directive: Поручаю", "акимату города Алматы")]
    [InlineData("Необходимо обеспечить ввод новых детских садов в пригородах.", "modal: Необходимо", null)]
    [InlineData("Акимату области внести предложения по развитию туризма.", "imperative: внести", "Акимату области")]
    [InlineData("Президент рекомендовал министерству пересмотреть тарифы на тепло.", "directive: рекомендовал", "министерству")]
    [InlineData("Облыс әкімдігіне мектептер салу жоспарын әзірлеуді тапсырамын.", "directive: тапсырамын", "Облыс әкімдігіне")]
    [InlineData("Қала әкімдігі жолдарды жөндеуі керек.", "modal: керек", "Қала әкімдігі")]
    [InlineData("Мемлекеттік бағдарлама бойынша кең түсіндіру жұмыстарын жүргізу қажет.", "modal: қажет", null)]
    [InlineData("Денсаулық сақтау басқармасы емханалардың жұмысын тексерсін.", "imperative: тексерсін", "Денсаулық сақтау басқармасы")]
    public void A_directing_sentence_is_one_instruction_with_its_cue_and_addressee(string sentence, string cue, string? addressee)
    {
        var instruction = InstructionExtractor.Extract(sentence).Instructions.ShouldHaveSingleItem();
        instruction.Cue.ShouldBe(cue);
        instruction.Addressee.ShouldBe(addressee);
        sentence[instruction.Start..instruction.End].ShouldBe(instruction.Text);
    }

    [Theory]
    [InlineData("The city should become a regional hub of logistics and tourism.")]
    [InlineData("Almaty must remain the main financial centre of the country.")]
    [InlineData("All decisions must be taken in consultation with the residents.")]
    [InlineData("The Head of State gave a number of instructions to the akimat.")]
    [InlineData("The Governor reported that 12 schools were built last year.")]
    [InlineData("The President praised the work of the city's builders.")]
    [InlineData("The city must develop in a balanced way.")]
    [InlineData("Шымкент должен стать центром туризма в регионе.")]
    [InlineData("Глава государства дал ряд поручений.")]
    [InlineData("Аким доложил о ходе строительства дорог.")]
    [InlineData("Алматы халықаралық қаржы орталығына айналуы керек.")]
    [InlineData("Мемлекет басшысы бірқатар тапсырма берді.")]
    [InlineData("Кәсіпкерлікті қолдаудың маңызды екенін айтты.")]
    [InlineData("It is important to note that the city has grown by a third.")]
    [InlineData("The akim reported that the master plan must be approved by the maslikhat.")]
    [InlineData("Аким доложил, что план должен быть утвержден маслихатом.")]
    [InlineData("Әкім бас жоспарды мәслихат бекітуі керек екенін баяндады.")]
    [InlineData("Важно отметить, что город заметно вырос.")]
    [InlineData("Айту керек, қала соңғы жылдары айтарлықтай өсті.")]
    public void Goals_states_principles_reports_praise_and_empty_task_sets_are_not_instructions(string sentence) =>
        InstructionExtractor.Extract(sentence).Instructions.ShouldBeEmpty();

    [Theory]
    [InlineData("I instruct the akimat to submit the plan by 1 March 2019.", null, "by 1 March 2019", "2019-03-01")]
    [InlineData("The akimat must complete the hospital until the end of the year.", "2019-05-10", "until the end of the year", "2019-12-31")]
    [InlineData("Develop a roadmap for the park within two months.", "2020-01-15", "within two months", "2020-03-15")]
    [InlineData("I instruct the akimat to submit the plan by 30 February 2019.", null, "by 30 February 2019", null)]
    [InlineData("Поручаю акимату разработать план до 1 июля 2019 года.", null, "до 1 июля 2019 года", "2019-07-01")]
    [InlineData("Необходимо завершить строительство до конца 2020 года.", null, "до конца 2020 года", "2020-12-31")]
    [InlineData("Акимату области в течение месяца внести предложения.", "2019-03-20", "в течение месяца", "2019-04-20")]
    [InlineData("Акимату области в течение 10 рабочих дней внести предложения.", "2019-03-20", "в течение 10 рабочих дней", null)]
    [InlineData("Облыс әкімдігіне 2019 жылғы 1 шілдеге дейін жоспарды әзірлеуді тапсырамын.", null, "2019 жылғы 1 шілдеге дейін", "2019-07-01")]
    [InlineData("Қала әкімдігі жыл соңына дейін жолдарды жөндеуі керек.", "2019-09-29", "жыл соңына дейін", "2019-12-31")]
    [InlineData("Жоспарды бір ай ішінде әзірлеу қажет.", "2019-09-29", "бір ай ішінде", "2019-10-29")]
    [InlineData("The akimat must open the new clinic in the second quarter of 2021.", null, "in the second quarter of 2021", "2021-06-30")]
    [InlineData("Необходимо ввести школу в эксплуатацию в третьем квартале 2021 года.", null, "в третьем квартале 2021 года", "2021-09-30")]
    [InlineData("Мектепті 2021 жылдың төртінші тоқсанында пайдалануға беру қажет.", null, "2021 жылдың төртінші тоқсанында", "2021-12-31")]
    public void Deadlines_are_kept_as_written_and_resolved_when_possible(string sentence, string? meeting, string deadline, string? due)
    {
        var instruction = InstructionExtractor.Extract(sentence, meeting is null ? null : DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture))
            .Instructions.ShouldHaveSingleItem();
        instruction.Deadline.ShouldBe(deadline);
        instruction.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(due);
        if (due is null)
        {
            instruction.DueDate.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("Акимату области в течение 10 рабочих дней внести предложения.", "в течение 10 рабочих дней")]
    [InlineData("Жоспарды 10 жұмыс күні ішінде әзірлеу қажет.", "10 жұмыс күні ішінде")]
    [InlineData("The akimat must submit its proposals within 10 working days.", "within 10 working days")]
    public void Working_days_resolve_through_the_calendar_when_one_is_given(string sentence, string deadline)
    {
        // Wednesday 18 March 2026; Monday the 23rd is a holiday, so the tenth working day is Thursday 2 April, not the 1st.
        var meeting = new DateOnly(2026, 3, 18);
        var calendar = new WorkingCalendar([new CalendarDay(new DateOnly(2026, 3, 23), CalendarDayKind.PublicHoliday, "Наурыз", "Наурыз", "Nauryz")]);

        var resolved = InstructionExtractor.Extract(sentence, meeting, calendar).Instructions.ShouldHaveSingleItem();
        (resolved.Deadline, resolved.DueDate).ShouldBe((deadline, new DateOnly(2026, 4, 2)));
        InstructionExtractor.Extract(sentence, meeting).Instructions.ShouldHaveSingleItem().DueDate.ShouldBeNull("without a calendar the count stays as written");
    }

    [Theory]
    [InlineData("The Government must draft the law on local budgets, and the akimat should build the new schools by 1 September 2024.", "The Government", "the akimat")]
    [InlineData("Правительству следует разработать закон о местных бюджетах, а акимату необходимо построить новые школы.", "Правительству", "акимату")]
    [InlineData("Үкімет жергілікті бюджеттер туралы заң жобасын әзірлеуі тиіс; облыс әкімдігі жаңа мектептер салуы керек.", "Үкімет", "облыс әкімдігі")]
    public void Clauses_directing_different_addressees_are_separate_items(string sentence, string first, string second)
    {
        var result = InstructionExtractor.Extract(sentence);
        result.Instructions.Select(i => i.Addressee).ShouldBe([first, second]);
        result.Instructions[0].End.ShouldBeLessThanOrEqualTo(result.Instructions[1].Start);
        result.Instructions.ShouldAllBe(i => sentence.Substring(i.Start, i.End - i.Start) == i.Text);
    }

    [Theory]
    [InlineData("Nursultan Abishevich Nazarbayev met the residents. Nursultan Abishevich Nazarbayev instructed to build a school.", "Nursultan Abishevich Nazarbayev")]
    [InlineData("Нұрсұлтан Әбішұлы Назарбаев мектеп салуды тапсырды.", "Нұрсұлтан Әбішұлы Назарбаев")]
    public void A_chair_named_with_a_patronymic_keeps_it(string text, string chair) =>
        InstructionExtractor.Extract(text).Meeting.Chair.ShouldBe(chair);

    [Fact]
    public void A_relative_deadline_resolves_from_the_meetings_date_in_the_text()
    {
        var result = InstructionExtractor.Extract("12 March 2021\nMeeting of the akimat.\nThe akimat must repair the school roofs by the end of the year.");
        result.Meeting.Date.ShouldBe(new DateOnly(2021, 3, 12));
        result.Instructions.ShouldHaveSingleItem().DueDate.ShouldBe(new DateOnly(2021, 12, 31));
    }

    [Theory]
    [InlineData("The budget grew by 3.5 billion tenge last year.", 3.5, 1e9, "tenge")]
    [InlineData("The region produced 600,000 tons of grain.", 600000, 1, "tons")]
    [InlineData("Unemployment fell to 4,8% in the city.", 4.8, 1, "%")]
    [InlineData("About one-third of the households use gas.", 1.0 / 3, 1, "share")]
    [InlineData("There are 12,500 people on the waiting list.", 12500, 1, "people")]
    [InlineData("The project will attract $2 billion of investment.", 2, 1e9, "USD")]
    [InlineData("В области проживает 1 234 567 человек.", 1234567, 1, "человек")]
    [InlineData("Инвестиции составили 156 млрд тенге.", 156, 1e9, "tenge")]
    [InlineData("В городе построено 12 500 квартир.", 12500, 1, "квартир")]
    [InlineData("Доля малого бизнеса составила 20,9%.", 20.9, 1, "%")]
    [InlineData("Инвестиция көлемі 156 млрд теңгені құрады.", 156, 1e9, "tenge")]
    [InlineData("Қалада 33 кәсіпорын тіркелген.", 33, 1, "кәсіпорын")]
    public void A_fact_has_its_value_scale_and_unit(string sentence, double value, double scale, string unit)
    {
        var fact = InstructionExtractor.Extract(sentence).Facts.ShouldHaveSingleItem();
        fact.Value.ShouldBe(value, 1e-9);
        fact.Scale.ShouldBe(scale);
        fact.Unit.ShouldBe(unit);
        sentence[fact.Start..fact.End].ShouldBe(fact.Text);
    }

    [Theory]
    [InlineData("The program Almaty-2020 and the 7-20-25 mortgages were discussed in 2019.")]
    [InlineData("Elements of Industry 4.0 were introduced; the region ranks fourth.")]
    [InlineData("Over the past five years the city has changed.")]
    [InlineData("Kazakhstan aims to enter the list of 30 competitive countries by 2050.")]
    [InlineData("Call +7 (727) 271-65-56 or write to info2020@example.kz.")]
    [InlineData("Программа «Алматы-2020» принята 1 июля 2015 года.")]
    [InlineData("Бір қабатты үйлердің құрылысын азайту керек.")]
    public void Years_dates_names_ranks_periods_and_phone_numbers_are_not_facts(string sentence) =>
        InstructionExtractor.Extract(sentence).Facts.ShouldBeEmpty();

    [Theory]
    [InlineData("The akimat must repair the roads.", Language.En)]
    [InlineData("Акимату необходимо отремонтировать дороги, сказал Нұрсұлтан Назарбаев.", Language.Ru)]
    [InlineData("Қала әкімдігі жолдарды жөндеуі керек.", Language.Kk)]
    [InlineData("Qala ákimdigi joldardy jóndeýi kerek jáne mektepter salýy qajet.", Language.Kk)]
    [InlineData("Qala akimdigine zhol salu zhumystaryn tapsyramyn, dedi memleket basshysy.", Language.Kk)]
    public void The_language_is_told_by_its_letters_and_words(string text, Language language) =>
        LanguageDetector.Detect(text).ShouldBe(language);

    [Fact]
    public void Kazakh_in_Latin_script_is_read_through_its_Cyrillic_cues()
    {
        const string text = """
            Memleket basshysy Túrkistan oblysyna jumys saparymen bardy
            2022 jylǵy 14 naýryz
            Prezıdent oblys ákimdigine aýyz sý tapshylyǵyn joıý jónіnde naqty sharalar qabyldaýdy tapsyrdy.
            Aýyldardy gazben qamtamasyz etý jumysyn jedeldetý kerek.
            Túrkistan halyqaralyq týrıstik ortalyqqa aınalýy qajet.
            Óńirde byltyr 245 mlrd teńge ınvestısıa tartyldy.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Language.ShouldBe("kk");
        result.Meeting.Date.ShouldBe(new DateOnly(2022, 3, 14));
        result.Instructions.Select(i => i.Cue).ShouldBe(["directive: tapsyrdy", "modal: kerek"]);
        result.Instructions[0].Addressee.ShouldBe("oblys ákimdigine");
        var fact = result.Facts.ShouldHaveSingleItem();
        (fact.Value * fact.Scale).ShouldBe(245e9);
        fact.Unit.ShouldBe("tenge");
    }

    [Fact]
    public void Several_sentences_give_one_item_each_and_a_repeated_heading_none()
    {
        const string text = """
            Head of State instructs to build new schools in Turkestan
            The President met the residents of Turkestan. He instructed to build new schools in Turkestan and to repair the old ones. The akimat reported on 40 new kindergartens.
            "The region needs to attract investors," the President said.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Instructions.Select(i => i.Cue).ShouldBe(["directive: instructed", "modal: needs to"]);
        result.Instructions[1].Text.ShouldBe("The region needs to attract investors");
        result.Facts.ShouldHaveSingleItem().Value.ShouldBe(40);
        result.Meeting.Place.ShouldBe("Turkestan");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_text_is_refused(string text) =>
        Should.Throw<MeetingTextException>(() => InstructionExtractor.Extract(text)).Message.ShouldBe("The text is empty.");

    [Fact]
    public void A_text_over_the_limit_is_refused() =>
        Should.Throw<MeetingTextException>(() => InstructionExtractor.Extract(new string('a', InstructionExtractor.MaxLength + 1)))
            .Message.ShouldContain("at most 1,000,000");

    [Fact]
    public void A_russian_protocol_gives_its_numbered_instructions_but_not_what_was_noted()
    {
        const string text = """
            ПРОТОКОЛ совещания у акима города Алматы
            г. Алматы, 15 марта 2023 года
            Председательствовал: аким города Е. Досаев
            1. Управлению энергетики и водоснабжения (Иванов А.А.) в срок до 1 мая 2023 года обеспечить подготовку к отопительному сезону.
            2. Акиматам районов совместно с управлением жилищного хозяйства ежемесячно представлять информацию о ходе ремонта 120 домов.
            3. Принять к сведению информацию руководителя управления образования.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Language.ShouldBe("ru");
        result.Meeting.ShouldBe(new MeetingProposal(new DateOnly(2023, 3, 15), "Алматы", "аким города Е. Досаев"));
        result.Instructions.Count.ShouldBe(2);
        result.Instructions[0].Addressee.ShouldStartWith("Управлению энергетики");
        result.Instructions[0].Deadline.ShouldBe("в срок до 1 мая 2023 года");
        result.Instructions[0].DueDate.ShouldBe(new DateOnly(2023, 5, 1));
        result.Instructions[1].Cue.ShouldBe("imperative: представлять");
        result.Facts.ShouldHaveSingleItem().Value.ShouldBe(120);
    }

    [Fact]
    public void English_and_kazakh_protocols_give_their_instructions_but_not_what_was_noted()
    {
        const string english = """
            Minutes of the meeting of the akimat of Karaganda region, 5 April 2022, chaired by the akim of the region.
            1. The Department of Education shall prepare a plan for the construction of 10 schools by 1 June 2022.
            2. The district akimats are to report monthly on the repair of heating networks.
            3. Take note of the information of the head of the Department of Health.
            """;
        var en = InstructionExtractor.Extract(english);
        en.Meeting.ShouldBe(new MeetingProposal(new DateOnly(2022, 4, 5), "Karaganda", "the akim of the region"));
        en.Instructions.Select(i => i.Addressee).ShouldBe(["The Department of Education", "The district akimats"]);
        en.Instructions[0].DueDate.ShouldBe(new DateOnly(2022, 6, 1));

        const string kazakh = """
            Кеңестің хаттамасы
            2023 жылғы 10 ақпан, Қарағанды қаласы
            1. Білім басқармасы 2023 жылғы 1 наурызға дейін мектептерді жылумен қамтамасыз етсін.
            2. Аудан әкімдіктері ай сайын жөндеу жұмыстарының барысы туралы ақпарат ұсынсын.
            3. Денсаулық сақтау басқармасы басшысының ақпараты назарға алынсын.
            """;
        var kk = InstructionExtractor.Extract(kazakh);
        kk.Language.ShouldBe("kk");
        kk.Meeting.Date.ShouldBe(new DateOnly(2023, 2, 10));
        kk.Meeting.Place.ShouldBe("Қарағанды");
        kk.Instructions.Count.ShouldBe(2);
        kk.Instructions[0].DueDate.ShouldBe(new DateOnly(2023, 3, 1));
        kk.Instructions[1].Addressee.ShouldBe("Аудан әкімдіктері");
    }

    /// <summary>One news report written twice, in Kazakh and in Russian: the same four instructions, the same facts.</summary>
    [Theory]
    [InlineData(Kazakh, "kk", "облыс әкімдігіне", "Үкіметке", "2023 жылдың соңына дейін")]
    [InlineData(Russian, "ru", "акимату области", "Правительству", "до конца 2023 года")]
    public void A_report_in_kazakh_or_russian_gives_the_same_instructions_and_facts(string text, string language, string region, string government, string deadline)
    {
        var result = InstructionExtractor.Extract(text);
        result.Language.ShouldBe(language);
        result.Meeting.Date.ShouldBe(new DateOnly(2022, 3, 14));
        result.Instructions.Select(i => i.Addressee).ShouldBe([region, null, null, government]);
        result.Instructions[2].Deadline.ShouldBe(deadline);
        result.Instructions[2].DueDate.ShouldBe(new DateOnly(2023, 12, 31));
        result.Facts.Select(f => f.Value * f.Scale).ShouldBe([245e9, 12_000, 30]);
    }

    private const string Kazakh = """
            Мемлекет басшысы Түркістан облысына жұмыс сапары
            2022 жылғы 14 наурыз
            Қасым-Жомарт Тоқаев облыс әкімінің баяндамасын тыңдады. Өңірде былтыр 245 млрд теңге инвестиция тартылып, 12 мың жаңа жұмыс орны ашылды.
            Президент облыс әкімдігіне ауыз су тапшылығын жою жөнінде нақты шаралар қабылдауды тапсырды.
            – Ауылдарды газбен қамтамасыз ету жұмысын жеделдету керек. Бұл мәселе 2023 жылдың соңына дейін шешілуі тиіс, – деді Мемлекет басшысы.
            Президент туризм саласының әлеуетіне назар аударды.
            Түркістан халықаралық туристік орталыққа айналуы қажет.
            Мемлекет басшысы облыс әкімінің жұмысын жоғары бағалады.
            Сонымен қатар, Қасым-Жомарт Тоқаев Үкіметке мақта кластерін дамыту бағдарламасын әзірлеуді жүктеді.
            Облыста тұрғындардың 30 пайызы ғана орталықтандырылған сумен қамтылған.
        """;

    private const string Russian = """
            Президент провел совещание по вопросам развития Туркестанской области
            14 марта 2022 года
            Касым-Жомарт Токаев заслушал доклад акима области. В прошлом году в регион привлечено 245 млрд тенге инвестиций, создано 12 тысяч рабочих мест.
            Глава государства поручил акимату области принять конкретные меры по устранению дефицита питьевой воды.
            – Нужно ускорить газификацию сел. Эта проблема должна быть решена до конца 2023 года, – сказал Президент.
            Президент обратил внимание на туристический потенциал региона.
            Туркестан должен стать международным туристическим центром.
            Глава государства высоко оценил работу акима области.
            Кроме того, Касым-Жомарт Токаев поручил Правительству разработать программу развития хлопкового кластера.
            Лишь 30% жителей области имеют доступ к централизованному водоснабжению.
        """;

    [Fact]
    public void Other_directive_verbs_name_their_addressees_and_reports_thanks_needs_and_goals_do_not_direct()
    {
        const string text = """
            Kyzylorda, 12 May 2023. President Kassym-Jomart Tokayev held a meeting on the development of Kyzylorda region.
            The Head of State tasked the Government with developing a program for the Aral Sea region by the end of the year.
            He demanded that the akimat ensure the timely payment of wages to teachers.
            Tokayev called on the regional authorities to speed up the construction of the gas pipeline.
            The Head of State also charged the Ministry of Health with opening 5 new clinics in rural areas.
            According to the President, it is important to support farmers who grow rice.
            The governor informed the President that 3 new plants will be launched in 2024.
            The President thanked the residents for their hard work.
            The region needs a new airport terminal, the President noted.
            Kyzylorda should become an agricultural hub of the south.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Instructions.Select(i => i.Addressee).ShouldBe(["the Government", "the akimat", "the regional authorities", "the Ministry of Health", null]);
        result.Instructions[0].DueDate.ShouldBe(new DateOnly(2023, 12, 31));
        result.Facts.Select(f => f.Text).ShouldBe(["5 new clinics", "3 new plants"]);
        result.Meeting.ShouldBe(new MeetingProposal(new DateOnly(2023, 5, 12), "Kyzylorda", "Kassym-Jomart Tokayev"));
    }

    [Fact]
    public void A_russian_report_with_set_tasks_passive_orders_demands_and_prohibitions()
    {
        const string text = """
            Глава государства провел совещание по вопросам развития Мангистауской области
            Актау, 5 июня 2023 года
            Президенту доложили, что в регионе реализуется 42 инвестиционных проекта на сумму 1,2 трлн тенге.
            Касым-Жомарт Токаев поставил задачу до конца 2024 года полностью решить проблему дефицита воды.
            Правительству совместно с акиматом области поручено ускорить строительство опреснительного завода.
            Президент потребовал от акима области навести порядок в сфере ЖКХ.
            Следует также обратить внимание на качество дорог, ведущих к морским портам.
            По мнению Главы государства, регион должен стать логистическим хабом Каспия.
            Глава государства отметил важность развития туризма на побережье.
            Безработица в регионе снизилась до 4,8%, а средняя зарплата выросла на 15 процентов.
            Акимату области запрещается выделять земельные участки в водоохранной зоне.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Instructions.Select(i => i.Cue).ShouldBe(
            ["directive: поставил задачу", "directive: поручено", "directive: потребовал", "modal: Следует", "directive: запрещается"]);
        result.Instructions.Select(i => i.Addressee).ShouldBe(
            [null, "Правительству совместно с акиматом области", "акима области", null, "Акимату области"]);
        result.Instructions[0].DueDate.ShouldBe(new DateOnly(2024, 12, 31));
        result.Facts.Select(f => f.Value * f.Scale).ShouldBe([42, 1.2e12, 4.8, 15]);
        result.Meeting.ShouldBe(new MeetingProposal(new DateOnly(2023, 6, 5), "Актау", "Касым-Жомарт Токаев"));
    }

    [Fact]
    public void A_kazakh_report_with_set_tasks_passive_orders_demands_and_prohibitions()
    {
        const string text = """
            Мемлекет басшысы Маңғыстау облысының даму мәселелері жөнінде кеңес өткізді
            Ақтау, 2023 жылғы 5 маусым
            Президентке өңірде жалпы құны 1,2 трлн теңге болатын 42 инвестициялық жоба іске асырылып жатқаны баяндалды.
            Қасым-Жомарт Тоқаев 2024 жылдың соңына дейін су тапшылығы мәселесін толық шешу міндетін қойды.
            Үкіметке облыс әкімдігімен бірлесіп тұщыландыру зауытының құрылысын жеделдету тапсырылды.
            Президент облыс әкімінен тұрғын үй-коммуналдық шаруашылығы саласында тәртіп орнатуды талап етті.
            Сондай-ақ теңіз порттарына апаратын жолдардың сапасына назар аудару қажет.
            Мемлекет басшысының пікірінше, өңір Каспийдің логистикалық хабына айналуы тиіс.
            Мемлекет басшысы жағалауда туризмді дамытудың маңыздылығын атап өтті.
            Өңірдегі жұмыссыздық деңгейі 4,8 пайызға дейін төмендеді, ал орташа жалақы 15 пайызға өсті.
            Облыс әкімдігіне су қорғау аймағында жер телімдерін бөлуге тыйым салынсын.
            """;
        var result = InstructionExtractor.Extract(text);
        result.Instructions.Select(i => i.Cue).ShouldBe(
            ["directive: міндетін қойды", "directive: тапсырылды", "directive: талап етті", "modal: қажет", "directive: тыйым салынсын"]);
        result.Instructions.Select(i => i.Addressee).ShouldBe([null, "Үкіметке", "облыс әкімінен", null, "Облыс әкімдігіне"]);
        result.Instructions[0].DueDate.ShouldBe(new DateOnly(2024, 12, 31));
        result.Facts.Select(f => f.Value * f.Scale).ShouldBe([1.2e12, 42, 4.8, 15]);
        result.Meeting.ShouldBe(new MeetingProposal(new DateOnly(2023, 6, 5), "Ақтау", "Қасым-Жомарт Тоқаев"));
    }

    [Theory]
    [InlineData("I instruct the Department of Education to build three schools by 1 September 2026 and to report monthly on the progress.", "monthly")]
    [InlineData("The akimat must submit quarterly reports on the construction of the hospital until it is completed.", "quarterly")]
    [InlineData("Поручаю управлению образования построить три школы до 1 сентября 2026 года, ежемесячно информировать аппарат акима о ходе работ.", "monthly")]
    [InlineData("Акимату области обеспечить ввод жилья и ежеквартально представлять информацию в Правительство.", "quarterly")]
    [InlineData("Управлению здравоохранения открыть две поликлиники, о ходе исполнения докладывать каждый месяц.", "monthly")]
    [InlineData("Білім басқармасына үш мектеп салуды және ай сайын ақпарат беруді тапсырамын.", "monthly")]
    [InlineData("Облыс әкімдігі тұрғын үй құрылысын жеделдетуі және тоқсан сайын Үкіметке есеп беруі керек.", "quarterly")]
    [InlineData("I instruct the akimat to raise the average monthly wage of teachers by 1 September 2026.", null)]
    [InlineData("Акимату города обеспечить рост среднемесячной заработной платы и ввод ежеквартальных бонусов.", null)]
    [InlineData("Әкімдікке ай сайын жолдарды жөндеуді тапсырамын.", null)]
    public void Interim_reports_asked_for_in_the_clause_propose_their_period(string sentence, string? period)
    {
        var instruction = InstructionExtractor.Extract(sentence).Instructions.ShouldHaveSingleItem();
        instruction.Period.ShouldBe(period);
    }

    [Theory]
    [InlineData("I instruct the akimat to build three schools and the Ministry of Finance to fund their equipment by 1 September 2026.", "the akimat", "the Ministry of Finance")]
    [InlineData("Поручаю акимату города построить три школы, а министерству финансов выделить средства на их оснащение.", "акимату города", "министерству финансов")]
    [InlineData("Поручаю акимату области отремонтировать дороги и министерству транспорта профинансировать работы до конца года.", "акимату области", "министерству транспорта")]
    [InlineData("Қала әкімдігіне үш мектеп салуды, Қаржы министрлігіне оларды жабдықтауды қаржыландыруды тапсырамын.", "Қала әкімдігіне", "Қаржы министрлігіне")]
    public void One_directive_with_two_addressees_and_two_actions_is_two_items(string sentence, string first, string second)
    {
        var instructions = InstructionExtractor.Extract(sentence).Instructions;
        instructions.Select(i => i.Addressee).ShouldBe([first, second], string.Join(" | ", instructions.Select(i => $"{i.Text} [{i.Addressee}] {i.Cue}")));
        instructions.ShouldAllBe(i => sentence.Substring(i.Start, i.End - i.Start) == i.Text);
        instructions[0].End.ShouldBeLessThanOrEqualTo(instructions[1].Start);
    }

    [Theory]
    [InlineData("Поручаю акимату города, управлению образования обеспечить ввод трёх школ.")]
    [InlineData("I instruct the akimat and the Department of Education to build three schools.")]
    [InlineData("Облыс әкімдігіне және білім басқармасына үш мектеп салуды тапсырамын.")]
    public void Several_addressees_sharing_one_action_stay_one_item(string sentence) =>
        InstructionExtractor.Extract(sentence).Instructions.ShouldHaveSingleItem();
}
