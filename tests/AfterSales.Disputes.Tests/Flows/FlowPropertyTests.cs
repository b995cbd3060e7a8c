using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Disputes.Tests.Flows;

/// <summary>
/// Model-based property tests: random flows are described as plain data (a model), built with the
/// engine, and every answer of the engine is compared with what the model says.
/// </summary>
public class FlowPropertyTests
{
    public enum GeneratedState
    {
        S0,
        S1,
        S2,
        S3,
        S4,
        S5,
    }

    public enum GeneratedAction
    {
        A0,
        A1,
        A2,
        A3,
        A4,
    }

    private const int GuardCount = 3;
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Party[] s_singleParties = [Party.Buyer, Party.Seller, Party.Arbitrator, Party.ServiceCenter, Party.System];

    /// <summary>One permitted action in the model. Guard -1 means unguarded; otherwise flag Guard must be set.</summary>
    public sealed record ModelTransition(int From, int Action, int Target, Party Parties, int Guard, bool Internal);

    /// <summary>
    /// A random flow: states 0..StateCount-1, a chain 0 → 1 → … → last so every state is reachable
    /// and every non-terminal state has an exit, random extra transitions, and the last state terminal.
    /// </summary>
    public sealed record FlowModel(int StateCount, IReadOnlyList<ModelTransition> Transitions)
    {
        public ModelTransition? Find(int state, int action) =>
            Transitions.FirstOrDefault(t => t.From == state && t.Action == action);

        public FlowDefinition<GeneratedState, GeneratedAction, Party, bool[]> Build()
        {
            var builder = FlowBuilder<GeneratedState, GeneratedAction, Party, bool[]>.Create("generated", 1, GeneratedState.S0, system: Party.System);
            foreach (var t in Transitions)
            {
                var state = builder.In((GeneratedState)t.From);
                var action = (GeneratedAction)t.Action;
                var guards = t.Guard < 0 ? [] : new[] { new Guard<bool[]>($"flag {t.Guard} is set", flags => flags[t.Guard]) };
                _ = t.Internal
                    ? state.PermitInternalIf(action, t.Parties, guards)
                    : state.PermitIf(action, (GeneratedState)t.Target, t.Parties, guards);
            }

            builder.In((GeneratedState)(StateCount - 1)).Terminal();
            return builder.Build();
        }
    }

    private static Gen<Party> Parties => Gen.Choose(1, 31).Select(bits => (Party)bits);

    private static Gen<int> GuardIndex => Gen.Choose(-1, GuardCount - 1);

    private static Gen<FlowModel> Models =>
        from stateCount in Gen.Choose(2, 6)
        from chain in (
            from action in Gen.Choose(0, 4)
            from parties in Parties
            from guard in GuardIndex
            select (action, parties, guard)).ArrayOf(stateCount - 1)
        from extras in (
            from source in Gen.Choose(0, stateCount - 2)
            from action in Gen.Choose(0, 4)
            from target in Gen.Choose(0, stateCount - 1)
            from parties in Parties
            from guard in GuardIndex
            from isInternal in Gen.Elements(true, false)
            select new ModelTransition(source, action, target, parties, guard, isInternal)).ListOf()
        select new FlowModel(stateCount, Deduplicate(
            chain.Select((c, i) => new ModelTransition(i, c.action, i + 1, c.parties, c.guard, Internal: false)).Concat(extras)));

    private static Gen<(int State, int Action, Party By, bool[] Flags)> Attempts(FlowModel model) =>
        from state in Gen.Choose(0, model.StateCount - 1)
        from action in Gen.Choose(0, 4)
        from party in Gen.Elements(s_singleParties)
        from flags in Gen.Elements(true, false).ArrayOf(GuardCount)
        select (state, action, party, flags);

    // A random flow and random attempts to act in it.
    private static Arbitrary<(FlowModel model, List<(int State, int Action, Party By, bool[] Flags)> attempts)> Cases =>
        Arb.From(
            from model in Models
            from attempts in Attempts(model).ListOf()
            select (model, attempts));

    private static List<ModelTransition> Deduplicate(IEnumerable<ModelTransition> transitions) =>
        transitions.GroupBy(t => (t.From, t.Action)).Select(g => g.First()).ToList();

    [Fact]
    public void ABuiltFlow_AcceptsExactlyWhatItsDefinitionPermitsToThatParty()
    {
        Prop.ForAll(Cases, c =>
        {
            var flow = c.model.Build();
            foreach (var (state, action, by, flags) in c.attempts)
            {
                var result = flow.Fire((GeneratedState)state, null, (GeneratedAction)action, by, flags, s_now);
                var permitted = c.model.Find(state, action);
                var expected = permitted is not null
                    && (permitted.Parties & by) != 0
                    && (permitted.Guard < 0 || flags[permitted.Guard]);

                if (result.IsAccepted != expected)
                {
                    return false;
                }

                if (expected && (int)(object)result.Transition.To != (permitted!.Internal ? state : permitted.Target))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void PermittedActions_AreExactlyTheActionsThatFireSuccessfully()
    {
        Prop.ForAll(Cases, c =>
        {
            var flow = c.model.Build();
            return c.attempts.All(a =>
            {
                var permitted = flow.PermittedActions((GeneratedState)a.State, a.By, a.Flags);
                var firing = Enum.GetValues<GeneratedAction>()
                    .Where(action => flow.Fire((GeneratedState)a.State, null, action, a.By, a.Flags, s_now).IsAccepted);
                return permitted.Order().SequenceEqual(firing.Order());
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EveryRefusal_NamesAReasonThatMatchesTheModel()
    {
        Prop.ForAll(Cases, c =>
        {
            var flow = c.model.Build();
            return c.attempts.All(a =>
            {
                var result = flow.Fire((GeneratedState)a.State, null, (GeneratedAction)a.Action, a.By, a.Flags, s_now);
                var permitted = c.model.Find(a.State, a.Action);
                return result.IsAccepted || result.Refusal.Reason switch
                {
                    RefusalReason.NotPermittedInState => permitted is null,
                    RefusalReason.NotThisParty => permitted is not null && (permitted.Parties & a.By) == 0,
                    RefusalReason.GuardFailed => permitted is not null && permitted.Guard >= 0 && !a.Flags[permitted.Guard]
                        && result.Refusal.GuardLabel == $"flag {permitted.Guard} is set",
                    _ => false,
                };
            });
        }).QuickCheckThrowOnFailure();
    }
}
