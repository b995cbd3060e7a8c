using System.Text.RegularExpressions;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Disputes;

/// <summary>Every action is declared once, and taking an action by name follows its declaration.</summary>
public class ActionDeclarationTests
{
    private static readonly DateTimeOffset s_now = Delivered.AddDays(2);

    [Fact]
    public void EveryAction_IsDeclaredOnce_AndAPersonsActionHasItsOwnRoute()
    {
        var actions = Enum.GetValues<DisputeAction>().Where(a => a != DisputeAction.Open).ToList();
        DisputeActions.All.Select(a => a.Action).Should().Equal(actions);

        foreach (var action in DisputeActions.All)
        {
            var persons = action.Parties & ~Party.System;
            (action.Route is not null).Should().Be(persons != Party.None, $"{action.Action} is for {action.Parties}: a person's action has a route, the system's has none");
            action.Summary.Should().NotBeNullOrWhiteSpace();
            (action.Example?.GetType()).Should().Be(action.ArgumentType, $"the example of {action.Action} is of the details it takes");
        }

        DisputeActions.All.Where(a => a.Route is not null).Select(a => a.Route).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void EveryFlow_TakesTheDetailsTheDeclarationsName()
    {
        foreach (var flow in DisputeFlows.Catalog.All)
        {
            foreach (var (action, type) in flow.ArgumentTypes)
            {
                DisputeActions.Of(action).ArgumentType.Should().Be(type);
            }
        }
    }

    [Fact]
    public void TakingAnAction_WithDetailsOfAnotherType_OrWithoutTheDetailsItNeeds_IsRefusedAsInvalidInput_AndChangesNothing()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);

        var wrongType = dispute.Take(Actor.Seller(Flagship), DisputeAction.Reject, new MessageText("No"), s_now);
        var missing = dispute.Take(Actor.Seller(Flagship), DisputeAction.Reject, null, s_now);
        var unexpected = dispute.Take(Actor.Seller(Flagship), DisputeAction.Approve, new RejectionReason("no-fault-found"), s_now);

        wrongType.Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);
        wrongType.Refusal.Message.Should().Be("Reject takes its details as RejectionReason.");
        missing.Refusal!.Code.Should().Be(DisputeRefusalCode.InvalidInput);
        unexpected.Refusal!.Message.Should().Be("Approve takes no details.");
        dispute.Version.Should().Be(1);
    }

    [Fact]
    public void TheSystem_TakesADeadlinesAnswerOnlyWhenTheDeadlineIsDue_NeverOnRequest()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);

        var early = dispute.Take(Actor.System, DisputeAction.AutoApprove, null, s_now);

        early.Refusal!.Code.Should().Be(DisputeRefusalCode.NotAllowed);
        dispute.AllowedActions(Actor.System, s_now).Should().NotContain(DisputeAction.AutoApprove);
        dispute.State.Should().Be(DisputeState.AwaitingSellerResponse);
        dispute.ExpireDeadline(dispute.Deadline!.Value.DueAt).ShouldSucceed();
        dispute.State.Should().Be(DisputeState.AwaitingReturnShipment);
    }

    [Fact]
    public void AFollowUp_IsAppendedAsTheSystemsOwnEvent_WhenTakenByName()
    {
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), s_now);
        dispute.Reject(Flagship, new RejectionReason("no-fault-found"), s_now).ShouldSucceed();
        dispute.Escalate(Actor.Buyer(Buyer), new EscalationRequest("It is faulty"), s_now).ShouldSucceed();

        dispute.Take(Actor.Buyer(Buyer), DisputeAction.SubmitEvidence, new EvidenceSubmission("Video", []), s_now).ShouldSucceed();
        dispute.Take(Actor.Seller(Flagship), DisputeAction.SubmitEvidence, new EvidenceSubmission("Bench log", []), s_now).ShouldSucceed();

        dispute.Timeline[^1].Should().Match<DisputeEvent>(e => e.Action == DisputeAction.CloseEvidence && e.Party == Party.System);
        dispute.State.Should().Be(DisputeState.AwaitingRuling);
    }

    [Fact]
    public void NoCodeOutsideTheFlowsAndTheConceptTables_NamesAnAction_SoANewActionNeedsNoLineElsewhere()
    {
        // What may name actions: the flow declaration and the dispute's concept files; and two callers that take
        // particular actions (the demo data's stories, and the payment service's answers, from the outbox or its callback).
        string[] allowed =
        [
            "src/AfterSales.Disputes/Disputes/DisputeFlows.cs", "src/AfterSales.Disputes.Api/Hosting/DemoData.cs",
            "src/AfterSales.Disputes/Application/Payments/PaymentAnswers.cs",
        ];
        var src = Path.Combine(Repository.Root, "src");
        var naming = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !allowed.Contains(file) && !Regex.IsMatch(file, @"^src/AfterSales\.Disputes/Disputes/Dispute\.\w+\.cs$"))
            .Select(file => (file, actions: Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, file)), @"DisputeAction\.(\w+)")
                .Select(m => m.Groups[1].Value).Where(a => a != nameof(DisputeAction.Open)).Distinct().ToList()))
            .Where(f => f.actions.Count > 0);

        naming.Should().BeEmpty("an action's route, command, check and effect come from its declaration, not from a switch elsewhere");
    }
}
