using System.Collections.Concurrent;
using System.Reflection;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;
using AfterSales.Disputes.Testing;
using Xunit.Abstractions;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>
/// Stateless as the reference: every shipped flow is compiled into a Stateless state machine, and random
/// scripts over real disputes must get the same answer from both engines for every action tried: accepted
/// or refused, the state it leads to, the kind of refusal and the guard that refused. CI runs 10 000 steps
/// per flow; <c>AFTERSALES_SOUNDNESS_FULL=true</c> runs 1 000 000.
/// </summary>
public class StatelessDifferentialTests(ITestOutputHelper output)
{
    private const int ProbesPerCase = 8;
    private static readonly int s_steps = Environment.GetEnvironmentVariable("AFTERSALES_SOUNDNESS_FULL") == "true" ? 1_000_000 : 10_000;
    private static readonly Party[] s_parties = [Party.Buyer, Party.Seller, Party.Arbitrator, Party.ServiceCenter, Party.System];
    private static readonly MethodInfo s_fireWithArgument = typeof(FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext>).GetMethods()
        .Single(m => m.Name == nameof(FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext>.Fire) && m.IsGenericMethodDefinition);

    private static readonly ConcurrentDictionary<Type, MethodInfo> s_fires = new();

    public static TheoryData<string> FlowIds => new(DisputeFlows.Catalog.All.Select(f => f.Id));

    [Theory]
    [MemberData(nameof(FlowIds))]
    public void RandomScripts_GetTheSameAnswerFromStateless_AsFromTheEngine(string flowId)
    {
        var flow = DisputeFlows.Catalog.Latest(flowId);
        var reference = new StatelessReference<DisputeState, DisputeAction, DisputeContext>(flow);
        var openings = Scenarios.Open().Opened.Where(s => s.Dispute.FlowId == flowId).ToList();
        var random = new Random(flowId.Length);
        var (steps, accepted, mismatches) = (0, 0, new List<string>());
        var subject = openings[0].Copy();
        while (steps < s_steps && mismatches.Count < 5)
        {
            var dispute = subject.Dispute;
            for (var probe = 0; probe < ProbesPerCase; probe++, steps++)
            {
                var party = s_parties[random.Next(s_parties.Length)];
                var actor = ActorFor(dispute, party, random);
                // Half the probes take an action the party may take (so that acceptances and argument branches are
                // compared too), half any action of the flow (so that every kind of refusal is).
                var permitted = flow.PermittedActions(dispute.State, party, new DisputeContext(dispute, actor, subject.Now));
                var action = probe % 2 == 0 && permitted.Count > 0 ? permitted[random.Next(permitted.Count)] : flow.Actions[random.Next(flow.Actions.Count)];
                var argument = flow.ArgumentTypes.TryGetValue(action, out var type) ? Pick(Arguments(type, dispute), random) : null;
                var context = new DisputeContext(dispute, actor, subject.Now);
                var ours = FlowAnswer<DisputeState>.Of(argument is null
                    ? flow.Fire(dispute.State, dispute.Deadline, action, party, context, subject.Now)
                    : Fire(flow, dispute, action, party, context, argument, subject.Now));
                var theirs = reference.Fire(dispute.State, action, party, context, argument);
                accepted += ours.Accepted ? 1 : 0;
                if (ours != theirs)
                {
                    mismatches.Add($"{action} by {party} in {dispute.State} with {argument}: engine {ours}, Stateless {theirs}");
                }
            }

            // The case moves on by a random accepted move of anyone, or starts again.
            var next = subject.IsFinished ? null : subject.Moves().Where(m => m.ValidArgument && subject.IsListed(m)).OrderBy(_ => random.Next()).FirstOrDefault(subject.Take);
            if (next is null)
            {
                subject = openings[random.Next(openings.Count)].Copy();
            }
        }

        output.WriteLine($"stateless differential, {flowId}: {steps} steps, {accepted} accepted, {steps - accepted} refused, {mismatches.Count} mismatches");
        Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults"));
        File.AppendAllText(Path.Combine(Repository.Root, "TestResults", "stateless-differential.txt"),
            $"stateless differential, {flowId}: {steps} steps ({accepted} accepted, {steps - accepted} refused), {mismatches.Count} mismatches{Environment.NewLine}");
        mismatches.Should().BeEmpty();
        accepted.Should().BeGreaterThan(steps / 5, "the scripts must take actions, not only be refused");
    }

    private static FireResult<DisputeState, DisputeAction, Party> Fire(
        FlowDefinition<DisputeState, DisputeAction, Party, DisputeContext> flow, Dispute dispute, DisputeAction action, Party party, DisputeContext context, object argument, DateTimeOffset now) =>
        (FireResult<DisputeState, DisputeAction, Party>)s_fires.GetOrAdd(argument.GetType(), t => s_fireWithArgument.MakeGenericMethod(t))
            .Invoke(flow, [dispute.State, dispute.Deadline, action, party, context, argument, now])!;

    private static Actor ActorFor(Dispute dispute, Party party, Random random) => party switch
    {
        Party.Buyer => Actor.Buyer(dispute.BuyerId),
        Party.Seller => Actor.Seller(dispute.StoreId),
        Party.Arbitrator => Actor.Arbitrator(random.Next(2) == 0 ? Arbitrator : SecondArbitrator),
        Party.ServiceCenter => Actor.ServiceCenter(ServiceCenter),
        _ => Actor.System,
    };

    private static object Pick(object[] candidates, Random random) => candidates[random.Next(candidates.Length)];

    // Arguments of every type the flows declare, covering what the flows' argument branches read.
    private static object[] Arguments(Type type, Dispute dispute)
    {
        var some = new Amount(dispute.Ceiling.MinorUnits / 2, dispute.Ceiling.Currency);
        return type.Name switch
        {
            nameof(RejectionReason) => [new RejectionReason("item-as-described")],
            nameof(OfferTerms) => [.. Enum.GetValues<Remedy>().Select(r => new OfferTerms(r, r is Remedy.RefundKeepItem or Remedy.ReturnAndRefund ? some : null, "terms"))],
            nameof(ShipmentDetails) => [new ShipmentDetails("SF", "SF1"), new ShipmentDetails("EMS", "EMS1", ShippingMethod.Surface)],
            nameof(ConditionReport) => [new ConditionReport(ConditionIssue.None, []), new ConditionReport(ConditionIssue.Damaged, ["photo"], some)],
            nameof(RefundResult) => [new RefundResult("gw-1"), new RefundResult(null, "bank offline")],
            nameof(Diagnosis) => [new Diagnosis(true, "module"), new Diagnosis(false, "liquid", new Amount(9000, some.Currency))],
            nameof(RepairReport) => [new RepairReport(RepairResult.Repaired, "fixed")],
            nameof(RepeatFault) => [new RepeatFault(dispute.RepairFile?.Application.FaultCode ?? "wifi-drops", "again"), new RepeatFault("fan-noise", "new")],
            nameof(EscalationRequest) => [new EscalationRequest("unfair")],
            nameof(EvidenceSubmission) => [new EvidenceSubmission("look", ["e-1"])],
            nameof(MoreEvidenceRequest) => [new MoreEvidenceRequest(Party.Buyer, "more"), new MoreEvidenceRequest(Party.Seller, "more")],
            nameof(RulingTerms) => [.. Enum.GetValues<RulingOutcome>().Select(o => new RulingTerms(o, o == RulingOutcome.PartialRefund ? some : null, "because"))],
            nameof(AppealRequest) => [new AppealRequest("wrong")],
            nameof(ReviewDecision) => [new ReviewDecision("stands")],
            nameof(MessageText) => [new MessageText("hello")],
            nameof(RatingInput) => [new RatingInput(4)],
            // A type without its own arguments here (one that no branch reads) is tried with the declared examples.
            _ => [.. DisputeActions.All.Where(a => a.ArgumentType == type).Select(a => a.Example!).Distinct()],
        };
    }
}
