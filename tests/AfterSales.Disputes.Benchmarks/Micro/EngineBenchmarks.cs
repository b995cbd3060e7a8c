using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using BenchmarkDotNet.Attributes;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.Benchmarks.Micro;

/// <summary>The flow engine alone: firing a guarded action that starts a deadline, and asking what is permitted.</summary>
[MemoryDiagnoser]
public class FlowEngineBenchmarks
{
    public enum Step { AwaitingSeller, AwaitingBuyer }

    public enum Move { Offer, Counter, Lapse }

    public sealed class Negotiation
    {
        public int Offers { get; set; }
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly Negotiation _negotiation = new();
    private FlowDefinition<Step, Move, Party, Negotiation> _flow = null!;
    private Deadline<Move>? _deadline;

    [GlobalSetup]
    public void Setup()
    {
        _flow = FlowBuilder<Step, Move, Party, Negotiation>.Create("negotiation", 1, Step.AwaitingSeller, system: Party.System)
            .In(Step.AwaitingSeller)
                .Deadline(_ => DeadlineSpan.Days(2), Move.Lapse, "seller response window")
                .PermitIf(Move.Offer, Step.AwaitingBuyer, Party.Seller, c => c.Offers < int.MaxValue, "offers left")
                .Permit(Move.Lapse, Step.AwaitingBuyer, Party.System)
            .In(Step.AwaitingBuyer)
                .Deadline(_ => DeadlineSpan.Days(5), Move.Lapse, "offer response window")
                .PermitIf(Move.Counter, Step.AwaitingSeller, Party.Buyer, c => c.Offers < int.MaxValue, "offers left")
                .Permit(Move.Lapse, Step.AwaitingSeller, Party.System)
            .Build();
        _deadline = _flow.StartDeadline(Step.AwaitingSeller, _negotiation, Now);
    }

    [Benchmark(Description = "Fire: guarded action, next deadline started")]
    public Step Fire() => _flow.Fire(Step.AwaitingSeller, _deadline, Move.Offer, Party.Seller, _negotiation, Now).Transition.To;

    [Benchmark(Description = "Fire refused: wrong party")]
    public bool FireRefused() => _flow.Fire(Step.AwaitingSeller, _deadline, Move.Counter, Party.Buyer, _negotiation, Now).IsAccepted;

    [Benchmark(Description = "PermittedActions")]
    public int Permitted() => _flow.PermittedActions(Step.AwaitingSeller, Party.Seller, _negotiation).Count;
}

/// <summary>
/// The dispute aggregate on a realistic case of <see cref="Events"/> events (an opening, offers and counter-offers,
/// messages): taking an action, rebuilding from the timeline as every load does, and the JSON of event details.
/// </summary>
[MemoryDiagnoser]
public class DisputeBenchmarks
{
    private IReadOnlyList<DisputeEvent> _timeline = [];
    private string _json = "";
    private DateTimeOffset _now;

    [Params(5, 25)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _now = Delivered.AddDays(2);
        var dispute = Open(RouterOrder(), Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399)), _now);
        dispute.ProposeOffer(Flagship, new OfferTerms(Remedy.RefundKeepItem, Yuan(80), "Keep it for 80"), _now).ShouldSucceed();
        while (dispute.Timeline.Count < Events)
        {
            dispute.SendMessage(Actor.Seller(Flagship), new MessageText("We are looking into it"), _now).ShouldSucceed();
        }

        _timeline = [.. dispute.Timeline];
        _json = DisputeJson.Serialize(_timeline[0].Data!);
    }

    [Benchmark(Description = "Rebuild from the timeline")]
    public int Rebuild() => Dispute.Rebuild(_timeline).Version;

    [Benchmark(Description = "Rebuild, then a message")]
    public bool RebuildAndAct() => Dispute.Rebuild(_timeline).SendMessage(Actor.Seller(Flagship), new MessageText("Any news?"), _now).Succeeded;

    [Benchmark(Description = "Allowed actions for the store")]
    public int Allowed() => Dispute.Rebuild(_timeline).AllowedActions(Actor.Seller(Flagship), _now).Count;

    [Benchmark(Description = "Opening details to JSON")]
    public int Serialize() => DisputeJson.Serialize(_timeline[0].Data!).Length;

    [Benchmark(Description = "Opening details from JSON")]
    public DisputeEventData Deserialize() => DisputeJson.Deserialize(_json);
}
