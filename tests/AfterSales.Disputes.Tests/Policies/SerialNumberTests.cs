using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Policies;

/// <summary>The serial number in a repair application is checked against the order line, when the order recorded one.</summary>
public class SerialNumberTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(40);

    private static OpenOutcome OpenRepair(string store, string serial, Order? order = null) =>
        Dispute.Open(Request(RequestKind.Repair, RequestReason.Defective, repair: RouterRepair(serialNumber: serial)),
            OrderRefunds.Of(order ?? RouterOrder(store), []), PolicyFor(store), s_now);

    [Theory]
    [InlineData("LW3000-77821")]
    [InlineData("lw3000 77821")]
    [InlineData(" LW300077821 ")]
    public void TheRecordedSerial_Passes_WhateverCaseSpacesOrDashesTheBuyerTypes(string typed)
    {
        var opened = OpenRepair(Flagship, typed);

        opened.Succeeded.Should().BeTrue();
        opened.Eligibility!.Trace.Single(c => c.Rule == "serial-number").Passed.Should().BeTrue();
        opened.Eligibility.Flags.Should().BeEmpty();
    }

    [Fact]
    public void AnotherSerial_IsRefused_WhereThePolicyRefuses_NamingTheLine()
    {
        var opened = OpenRepair(Flagship, "LW3000-99999");

        opened.Succeeded.Should().BeFalse();
        opened.Refusal!.Code.Should().Be(DisputeRefusalCode.NotEligible);
        opened.Eligibility!.Failures.Should().ContainSingle().Which.Should().Be(new RuleCheck("serial-number", false,
            "Serial number LW3000-99999 is not the one recorded for line line-router (ending 7821). Check the label on the device and correct it."));
    }

    [Fact]
    public void AnotherSerial_OpensWithAFlag_WhereThePolicyFlags()
    {
        var opened = OpenRepair(Reseller, "LW3000-99999");

        opened.Succeeded.Should().BeTrue();
        var flag = opened.Eligibility!.Flags.Should().ContainSingle().Subject;
        flag.Rule.Should().Be("serial-number");
        flag.Reason.Should().StartWith("Serial number LW3000-99999 is not the one recorded for line line-router");
        opened.Dispute!.Eligibility.Flags.Should().Equal(flag);
        opened.Dispute.Eligibility.Trace.Should().Contain(flag);
    }

    [Fact]
    public void ALineWithoutARecordedSerial_IsNotChecked()
    {
        var order = RouterOrder(Flagship);
        order = order with { Lines = [order.Lines[0] with { SerialNumber = null }, .. order.Lines.Skip(1)] };

        var opened = OpenRepair(Flagship, "anything", order);

        opened.Succeeded.Should().BeTrue();
        opened.Eligibility!.Trace.Should().NotContain(c => c.Rule == "serial-number");
    }
}
