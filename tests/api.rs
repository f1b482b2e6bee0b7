//! The public gRPC API through the generated client, in both locales.

mod common;

use common::*;
use crm_competency::pb::competency as pb;
use tonic::metadata::MetadataValue;
use tonic::Request;

#[tokio::test]
async fn evaluate_in_russian() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let e = client
        .evaluate(contoso("ru-RU"))
        .await
        .expect("evaluate")
        .into_inner();

    assert_eq!(e.request_id, "demo-1");
    assert_eq!(e.partner_id, "contoso");
    assert_eq!(e.competency, "cloud-crm");
    assert_eq!(e.locale, "ru-RU");
    assert_eq!(e.edition, "2017-07");
    assert_eq!(e.as_of, date(2017, 7, 7));
    assert_eq!(e.attained_level(), pb::Level::Silver);
    assert_eq!(
        e.summary,
        "По состоянию на 7\u{a0}июля 2017\u{a0}г. (правила редакции 2017-07) партнер contoso получил компетенцию Cloud CRM Серебряного уровня; Золотой уровень пока не достигнут."
    );
    assert_eq!(e.levels.len(), 2);
    let (silver, gold) = (&e.levels[0], &e.levels[1]);
    assert_eq!(silver.level(), pb::Level::Silver);
    assert!(silver.attained);
    assert!(silver.gap.is_none());
    assert_eq!(gold.level(), pb::Level::Gold);
    assert!(!gold.attained);
    assert_eq!(
        silver
            .requirements
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["revenue", "exams"]
    );

    let rev = revenue_detail(silver);
    assert_eq!(rev.threshold, usd(100_000, 0));
    assert_eq!(rev.qualifying, usd(113_500, 500_000_000));
    assert_eq!(rev.excluded_without_dpor, usd(40_000, 0));
    assert_eq!(rev.excluded_other_product, usd(12_000, 0));
    assert_eq!(rev.excluded_outside_period, usd(30_000, 0));
    assert_eq!(rev.period_start, date(2016, 7, 8));
    assert_eq!(rev.period_end, date(2017, 7, 7));
    assert_eq!(
        silver.requirements[0].explanation,
        "Чистая прибыль партнера за 12-месячный отчетный период (с 8\u{a0}июля 2016\u{a0}г. по 7\u{a0}июля 2017\u{a0}г. включительно) по продуктам CRM Online или Dynamics 365 Plan 1 от клиентов, для которых ваша организация\u{a0}— Цифровой партнер записи, составляет 113\u{a0}500,50\u{a0}доллара США. Порог Серебряного уровня для развитых рынков (100\u{a0}000\u{a0}долларов США) достигнут. В расчет не включено: 30\u{a0}000\u{a0}долларов США прибыли до начала 12-месячного отчетного периода, 12\u{a0}000\u{a0}долларов США прибыли по другим продуктам и 40\u{a0}000\u{a0}долларов США прибыли от клиентов, для которых ваша организация не является Цифровым партнером записи."
    );
    assert_eq!(
        silver.requirements[1].explanation,
        "Требования к экзаменам выполнены: оба места заняты разными сотрудниками, сдавшими нужные экзамены. Место специалиста по приложениям и развертыванию занимает Анна Смирнова. Место специалиста по настройке занимает Иван Петров."
    );
    let seats = &exams_detail(silver).seats;
    assert_eq!(exams_detail(silver).individuals_required, 2);
    assert_eq!(seats[0].role, "application-deployment");
    assert_eq!(seats[0].individual_id, "e-1");
    assert_eq!(seats[0].exams_counted, ["MB2-714", "MB2-710"]);
    assert_eq!(seats[1].individual_id, "e-2");

    assert!(gold.requirements[0]
        .explanation
        .contains("что на 186\u{a0}499,50\u{a0}доллара США ниже порога Золотого уровня"));
    assert_eq!(
        gold.requirements[1].explanation,
        "Требования к экзаменам не выполнены: сотрудники, сдавшие нужные экзамены, занимают только два места из четырех. Одно из двух мест специалистов по приложениям и развертыванию занимает Анна Смирнова. Одно из двух мест специалистов по настройке занимает Иван Петров."
    );
    let gap = gold.gap.as_ref().expect("gold gap");
    assert_eq!(gap.revenue_shortfall, usd(186_499, 500_000_000));
    assert_eq!((gap.additional_exams, gap.additional_individuals), (2, 1));
    assert_eq!(
        gap.explanation,
        "Для Золотого уровня еще требуется 186\u{a0}499,50\u{a0}доллара США чистой прибыли, два экзамена и один новый сотрудник."
    );
    assert_eq!(gap.steps.len(), 2);
    assert_eq!(gap.steps[0].individual_id, "e-3");
    assert_eq!(gap.steps[0].role, "application-deployment");
    assert_eq!(gap.steps[0].exams[0].group, "deployment");
    assert_eq!(gap.steps[0].exams[0].group_label, "развертывание");
    assert_eq!(gap.steps[0].exams[0].one_of, ["MB2-710", "MB2-706"]);
    assert_eq!(
        gap.steps[0].explanation,
        "Одно из мест специалистов по приложениям и развертыванию займет Ольга Кузнецова (экзамен MB2-713 уже сдан), если также сдаст один экзамен группы «развертывание» (MB2-710 «Microsoft Dynamics CRM 2015, развертывание в сети» или MB2-706 «Microsoft Dynamics CRM, развертывание в сети»)."
    );
    assert_eq!(gap.steps[1].individual_id, "");
    assert_eq!(
        gap.steps[1].explanation,
        "Новый сотрудник должен сдать один экзамен группы «настройка и конфигурация» (MB2-712 «Microsoft Dynamics CRM 2016 (настройка и конфигурации)» или MB2-707 «Microsoft Dynamics CRM (настройка и конфигурации)»), чтобы занять одно из мест специалистов по настройке."
    );
    assert_no_isolation_marks(&all_text(&e));
    server.stop().await;
}

#[tokio::test]
async fn evaluate_in_english() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let e = client
        .evaluate(contoso("en-US"))
        .await
        .expect("evaluate")
        .into_inner();
    assert_eq!(e.locale, "en-US");
    assert_eq!(
        e.summary,
        "Partner contoso has attained the Cloud CRM competency at the Silver level but not yet at the Gold level (as of July 7, 2017, under the 2017-07 edition of the rules)."
    );
    let (silver, gold) = (&e.levels[0], &e.levels[1]);
    assert_eq!(
        silver.requirements[0].explanation,
        "In the TTM period (July 8, 2016, through July 7, 2017), your Net New Revenue from sales of CRM Online or Dynamics 365 Plan 1 to customers for whom you’re the Digital Partner of Record is US$113,500.50. This meets the Silver threshold for Developed Markets (US$100,000). This total excludes US$30,000 booked before the TTM period, US$12,000 for other products, and US$40,000 from customers for whom you aren’t the Digital Partner of Record."
    );
    assert_eq!(
        silver.requirements[1].explanation,
        "The exam requirements are met: both seats are held by qualified individuals. The application and deployment seat is held by Анна Смирнова. The customization seat is held by Иван Петров."
    );
    assert!(gold.requirements[0]
        .explanation
        .ends_with("US$186,499.50 short of the Gold threshold for Developed Markets (US$300,000). This total excludes US$30,000 booked before the TTM period, US$12,000 for other products, and US$40,000 from customers for whom you aren’t the Digital Partner of Record."));
    let gap = gold.gap.as_ref().expect("gap");
    assert_eq!(
        gap.explanation,
        "To attain Gold, you still need US$186,499.50 more qualifying Net New Revenue, two more exam passes, and one new individual."
    );
    assert_eq!(
        gap.steps[0].explanation,
        "To fill an application and deployment seat, Ольга Кузнецова, who has already passed MB2-713, must also pass one exam from the deployment group (MB2-710 “Microsoft Dynamics CRM Online Deployment (2015)” or MB2-706 “Microsoft Dynamics CRM Online Deployment”)."
    );
    assert_eq!(
        gap.steps[1].explanation,
        "To fill a customization seat, a new individual must pass one exam from the customization group (MB2-712 “Microsoft Dynamics CRM 2016 Customization and Configuration” or MB2-707 “Microsoft Dynamics CRM Customization and Configuration”)."
    );
    assert_no_isolation_marks(&all_text(&e));
    server.stop().await;
}

#[tokio::test]
async fn gold_attained_and_nothing_attained() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut req = contoso("en");
    let s = req.submission.as_mut().expect("submission");
    s.revenue.push(record(
        "big",
        pb::Product::CrmOnline,
        200_000,
        date(2017, 7, 7),
        true,
    ));
    s.individuals.push(person("e-4", "", &["MB2-706"]));
    s.individuals[2].exams.push(pb::ExamPass {
        code: "MB2-710".into(),
        passed_on: None,
    });
    s.individuals.push(person("e-5", "", &["MB2-707"]));
    let e = client
        .evaluate(req.clone())
        .await
        .expect("evaluate")
        .into_inner();
    assert_eq!(e.attained_level(), pb::Level::Gold);
    assert!(e.levels.iter().all(|l| l.attained && l.gap.is_none()));
    assert!(e
        .summary
        .starts_with("Partner contoso has attained the Cloud CRM competency at the Gold level"));

    let s = req.submission.as_mut().expect("submission");
    s.revenue.clear();
    s.individuals.clear();
    let e = client.evaluate(req).await.expect("evaluate").into_inner();
    assert_eq!(e.attained_level(), pb::Level::None);
    let gap = e.levels[0].gap.as_ref().expect("gap");
    assert_eq!((gap.additional_exams, gap.additional_individuals), (3, 2));
    assert_eq!(gap.revenue_shortfall, usd(100_000, 0));
    assert!(e.levels[1].gap.is_some());
    server.stop().await;
}

#[tokio::test]
async fn locale_comes_from_the_field_then_accept_language_then_english() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let cases = [
        ("", None, "en-US"),
        ("", Some("ru;q=0.9, en;q=0.8"), "ru-RU"),
        ("", Some("en;q=0.5, ru-UA;q=0.7"), "ru-RU"),
        ("", Some("de-DE"), "en-US"),
        ("en-GB", Some("ru"), "en-US"),
        ("ru-KZ", Some("en"), "ru-RU"),
        ("ru", None, "ru-RU"),
        ("fr-CA", None, "en-US"),
        // Extensions are well-formed and choose no other language.
        ("ru-RU-u-nu-latn", Some("en"), "ru-RU"),
        ("en-US-x-test", Some("ru"), "en-US"),
        ("", Some("ru-RU-u-nu-latn, en;q=0.5"), "ru-RU"),
        // "*" is any language: the default, at its own weight.
        ("", Some("*;q=0.5, ru;q=0.4"), "en-US"),
        // Well-formed in BCP 47, though ICU reads no locale in them:
        // private use only, grandfathered. No language the service has.
        ("x-pseudo", Some("ru"), "en-US"),
        ("i-klingon", Some("ru"), "en-US"),
    ];
    for (field, header, expected) in cases {
        let mut request = Request::new(contoso(field));
        if let Some(h) = header {
            request.metadata_mut().insert(
                "accept-language",
                MetadataValue::try_from(h).expect("ascii"),
            );
        }
        let e = client
            .evaluate(request)
            .await
            .expect("evaluate")
            .into_inner();
        assert_eq!(e.locale, expected, "{field:?} {header:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn defaults_competency_as_of_and_edition() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut req = contoso("en");
    req.competency.clear();
    req.as_of = None;
    let e = client.evaluate(req).await.expect("evaluate").into_inner();
    assert_eq!(e.competency, "cloud-crm");
    let today = e.as_of.expect("as_of");
    assert!(today.year >= 2025, "today: {today:?}");
    assert_eq!(e.edition, "2017-11");
    // Case is ignored, as in exam codes; the answer names it as the catalog does.
    let mut req = contoso("en");
    req.competency = "Cloud-CRM".into();
    let e = client.evaluate(req).await.expect("evaluate").into_inner();
    assert_eq!(e.competency, "cloud-crm");
    let c = client
        .get_competency(pb::GetCompetencyRequest {
            competency: "CLOUD-CRM".into(),
            ..Default::default()
        })
        .await
        .expect("get_competency")
        .into_inner();
    assert_eq!(c.id, "cloud-crm");
    server.stop().await;
}

#[tokio::test]
async fn get_competency_in_both_locales() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let en = client
        .get_competency(pb::GetCompetencyRequest {
            locale: "en-US".into(),
            as_of: date(2017, 7, 7),
            ..Default::default()
        })
        .await
        .expect("get")
        .into_inner();
    assert_eq!(en.id, "cloud-crm");
    assert_eq!(en.edition, "2017-07");
    assert_eq!(en.title, "Cloud Customer Relationship Management");
    assert_eq!(en.levels.len(), 2);
    assert_eq!(en.levels[0].title, "Silver");
    assert_eq!(en.levels[1].individuals_required, 4);
    let t = &en.levels[1].thresholds;
    assert_eq!(
        (t[0].market(), t[0].threshold.clone()),
        (pb::Market::Developed, usd(300_000, 0))
    );
    assert_eq!(
        (t[1].market(), t[1].threshold.clone()),
        (pb::Market::Developing, usd(150_000, 0))
    );
    assert_eq!(
        en.levels[0].requirements[0],
        "Developed Markets: your organization must have earned at least US$100,000 in Net New Revenue from sales of CRM Online or Dynamics 365 Plan 1 in the TTM period."
    );
    assert!(en.revenue_rule.contains("Digital Partner of Record (DPOR)"));
    let groups: Vec<_> = en.exam_groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, ["application", "deployment", "customization"]);
    let labels: Vec<_> = en.exam_groups[0]
        .exams
        .iter()
        .map(|e| (e.code.as_str(), e.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("MB2-714", "Dynamics CRM Customer Service"),
            ("MB2-713", "Microsoft Dynamics CRM 2016 Sales"),
            ("MB2-709", "Dynamics CRM Marketing")
        ]
    );
    assert_eq!(en.roles[0].groups, ["application", "deployment"]);
    assert_eq!(en.editions.len(), 2);

    let ru = client
        .get_competency(pb::GetCompetencyRequest {
            locale: "ru".into(),
            as_of: date(2017, 7, 7),
            ..Default::default()
        })
        .await
        .expect("get")
        .into_inner();
    assert_eq!(ru.locale, "ru-RU");
    assert_eq!(ru.levels[1].title, "Золотой уровень");
    assert_eq!(ru.levels[0].thresholds[0].market_label, "Развитые рынки");
    assert_eq!(
        ru.levels[0].thresholds[1].market_label,
        "Развивающиеся рынки"
    );
    assert_eq!(
        ru.levels[0].requirements[1],
        "Развивающиеся рынки: чистая прибыль партнера за 12-месячный отчетный период по продуктам CRM Online или Dynamics 365 Plan 1 должна составлять не менее 50\u{a0}000\u{a0}долларов США."
    );
    assert_eq!(
        ru.levels[0].requirements[2],
        "Два сотрудника вашей организации должны удовлетворять требованиям, предъявляемым к прохождению экзаменов, причем один сотрудник может занимать только одно место."
    );
    assert_eq!(
        ru.levels[1].requirements[3],
        "Места специалистов по приложениям и развертыванию: каждый из двух сотрудников должен сдать один экзамен группы «приложения» (MB2-714 «Обслуживание клиентов Dynamics CRM», MB2-713 «Продажи Microsoft Dynamics CRM 2016» или MB2-709 «Маркетинг Dynamics CRM») и один экзамен группы «развертывание» (MB2-710 «Microsoft Dynamics CRM 2015, развертывание в сети» или MB2-706 «Microsoft Dynamics CRM, развертывание в сети»)."
    );
    assert!(ru.revenue_rule.contains("Цифровой партнер записи"));
    assert!(ru.revenue_rule.contains("12-месячный отчетный период"));
    let cust: Vec<_> = ru.exam_groups[2]
        .exams
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(
        cust,
        [
            "Microsoft Dynamics CRM 2016 (настройка и конфигурации)",
            "Microsoft Dynamics CRM (настройка и конфигурации)"
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn health_serves_the_service_and_the_server() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::health_client::HealthClient;
    use tonic_health::pb::HealthCheckRequest;
    let server = TestServer::start().await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "partner.competency.v1.CompetencyService"] {
        let r = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("check")
            .into_inner();
        assert_eq!(r.status(), ServingStatus::Serving, "{service:?}");
    }
    let unknown = health
        .check(HealthCheckRequest {
            service: "nope".into(),
        })
        .await
        .expect_err("unknown service");
    assert_eq!(unknown.code(), tonic::Code::NotFound);
    server.stop().await;
}

#[tokio::test]
async fn reflection_v1_lists_and_describes_the_service() {
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    let server = TestServer::start().await;
    let mut client = ServerReflectionClient::new(server.channel().await);
    let requests = vec![
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        },
        ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "google.rpc.BadRequest".into(),
            )),
        },
    ];
    let mut responses = client
        .server_reflection_info(tokio_stream::iter(requests))
        .await
        .expect("reflection")
        .into_inner();
    let first = responses.message().await.expect("msg").expect("some");
    let Some(MessageResponse::ListServicesResponse(list)) = first.message_response else {
        panic!("list expected");
    };
    let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
    for expected in [
        "partner.competency.v1.CompetencyService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
    let second = responses.message().await.expect("msg").expect("some");
    assert!(matches!(
        second.message_response,
        Some(MessageResponse::FileDescriptorResponse(_))
    ));
    server.stop().await;
}

#[tokio::test]
async fn a_blank_display_name_falls_back_to_the_individual_id() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for (locale, expected) in [
        (
            "en-US",
            "The application and deployment seat is held by individual e-1. The customization seat is held by Иван Петров",
        ),
        (
            "ru-RU",
            "Место специалиста по приложениям и развертыванию занимает «e-1». Место специалиста по настройке занимает Иван Петров",
        ),
    ] {
        let mut request = contoso(locale);
        let submission = request.submission.as_mut().expect("submission");
        submission.individuals[0].display_name = " \t\u{a0}".into();
        let e = client
            .evaluate(request)
            .await
            .expect("evaluate")
            .into_inner();
        let seats = &e.levels[0].requirements[1].explanation;
        assert!(
            seats.ends_with(&format!("{expected}.")),
            "{locale}: {seats}"
        );
    }
    server.stop().await;
}
