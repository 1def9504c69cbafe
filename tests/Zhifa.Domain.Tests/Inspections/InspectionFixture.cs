using Zhifa.Domain.Cases;
using Zhifa.Domain.Catalog;
using Zhifa.Domain.Common;
using Zhifa.Domain.Identifiers;
using Zhifa.Domain.Inspections;
using Zhifa.Domain.PenaltyCases;
using Zhifa.Domain.Tests.PenaltyCases;

namespace Zhifa.Domain.Tests.Inspections;

/// <summary>Agency 1 with its inspection power and officers, on 2025-03-10 (a Monday), and a valid input to vary.</summary>
internal static class I
{
    public const long Agency = 1;
    public static readonly DateOnly Day = new(2025, 3, 10);
    public static readonly FakeClock Clock = FakeClock.OnDay(Day);

    public static readonly Power Inspection = new("P-J01", "食品经营者监督检查", PowerCategory.Inspection, Agency, "食品安全法 第一百一十条");
    public static readonly Power Penalty = new("P-C01", "对经营不符合食品安全标准食品的处罚", PowerCategory.Penalty, Agency, "食品安全法 第一百二十四条");

    public static readonly OfficerFacts Zhang = Officer(101, "张伟");
    public static readonly OfficerFacts Li = Officer(102, "李娜");

    public static readonly string PersonId = ResidentId.Complete("12010219800101123");
    public static readonly string CompanyCode = CreditCode.Complete("91120102MA05KXYW1");

    public static OfficerFacts Officer(long id, string name, long agency = Agency, Func<DateOnly, bool>? mayAct = null) =>
        new(id, name, agency, false, mayAct ?? (_ => true));

    public static InspectionInput Input(PartyType type = PartyType.LegalPerson, string? id = null, InspectionResult result = InspectionResult.NoProblem,
        DateOnly? deadline = null, DateOnly? on = null, string? findings = "检查了食品经营许可证和进货查验记录，未发现问题") =>
        new(Agency, on ?? Day, type, type == PartyType.NaturalPerson ? "王芳" : "天津鑫盛餐饮管理有限公司",
            id ?? (type == PartyType.NaturalPerson ? PersonId : CompanyCode), null, "河东区十一经路8号", findings, result, deadline);

    public static Result<Zhifa.Domain.Inspections.Inspection> Record(InspectionInput input, Power? power = null, params OfficerFacts[] officers) =>
        Zhifa.Domain.Inspections.Inspection.Record(Clock, "offA", input, power ?? Inspection, officers.Length == 0 ? [Zhang, Li] : officers);

    public static Zhifa.Domain.Inspections.Inspection Recorded(InspectionResult result, DateOnly? deadline = null)
    {
        var r = Record(Input(result: result, deadline: deadline));
        r.IsSuccess.ShouldBeTrue(r.ToString());
        return r.Value;
    }

    public static void ShouldFail<T>(this Result<T> result, string code)
    {
        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(code, result.Error.Message);
    }

    public static void ShouldFail(this DomainError? error, string code)
    {
        error.ShouldNotBeNull();
        error.Code.ShouldBe(code, error.Message);
    }
}
