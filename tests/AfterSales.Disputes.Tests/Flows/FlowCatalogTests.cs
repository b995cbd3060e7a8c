using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public class FlowCatalogTests
{
    [Fact]
    public void ACaseKeepsItsVersion_WhileNewCasesStartWithTheLatest()
    {
        var v1 = SampleRefundFlow.Build(version: 1);
        var v2 = SampleRefundFlow.Build(version: 2);
        var catalog = new FlowCatalog<RefundState, RefundAction, Party, RefundCase>(v2, v1);

        catalog.Latest("sample-refund").Should().BeSameAs(v2);
        catalog.Get("sample-refund", 1).Should().BeSameAs(v1);
        catalog.All.Should().Equal(v1, v2);
    }

    [Fact]
    public void TheSameVersionTwice_IsRejected()
    {
        var create = () => new FlowCatalog<RefundState, RefundAction, Party, RefundCase>(SampleRefundFlow.Build(), SampleRefundFlow.Build());

        create.Should().Throw<ArgumentException>().WithMessage("Flow sample-refund v1 is in the catalog twice*");
    }

    [Fact]
    public void UnknownFlowsAndVersions_AreNotFound()
    {
        var catalog = new FlowCatalog<RefundState, RefundAction, Party, RefundCase>(SampleRefundFlow.Build());

        catalog.Invoking(c => c.Get("sample-refund", 9)).Should().Throw<KeyNotFoundException>()
            .WithMessage("The catalog holds no flow sample-refund v9.");
        catalog.Invoking(c => c.Latest("exchange")).Should().Throw<KeyNotFoundException>();
    }
}
