using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

/// <summary>
/// The engine knows no marketplace parties: a flow brings its own party enum, of any underlying type,
/// and names the one the engine acts as when a deadline expires.
/// </summary>
public class PartyTypeTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Flags]
    public enum Role : byte
    {
        Nobody = 0,
        Customer = 1,
        Agent = 2,
        Clock = 128,
    }

    private enum Step { Open, Answered, Closed }

    private enum Move { Answer, Reopen, Close, Lapse }

    private static FlowDefinition<Step, Move, Role, object?> Ticket() =>
        FlowBuilder<Step, Move, Role, object?>.Create("ticket", version: 1, initial: Step.Open, system: Role.Clock)
            .In(Step.Open)
                .Deadline(_ => DeadlineSpan.Hours(24), expiresWith: Move.Lapse, "answer window")
                .Permit(Move.Answer, Step.Answered, by: Role.Agent)
                .Permit(Move.Lapse, Step.Closed, by: Role.Clock)
            .In(Step.Answered)
                .Permit(Move.Reopen, Step.Open, by: Role.Customer)
                .Permit(Move.Close, Step.Closed, by: Role.Customer | Role.Agent)
            .In(Step.Closed).Terminal()
            .Build();

    [Fact]
    public void AFlowWithItsOwnParties_FiresAndRefusesInTheirNames()
    {
        var flow = Ticket();

        var answered = flow.Fire(Step.Open, null, Move.Answer, Role.Agent, null, s_now);
        answered.Transition.Should().Match<Transition<Step, Move, Role>>(t => t.To == Step.Answered && t.By == Role.Agent);

        var refused = flow.Fire(Step.Open, null, Move.Answer, Role.Customer, null, s_now);
        refused.Refusal.Message.Should().Be("Answer in state Open is for Agent, not Customer.");
        flow.PartiesFor(Move.Close).Should().Be(Role.Customer | Role.Agent);
        flow.PartiesFor(Move.Reopen).Should().Be(Role.Customer);
    }

    [Fact]
    public void ADeadlineExpires_AsTheFlowsSystemParty()
    {
        var flow = Ticket();
        var deadline = flow.StartDeadline(Step.Open, null, s_now);

        var lapsed = flow.FireExpiry(Step.Open, deadline, null, s_now.AddHours(24));

        lapsed.Transition.Should().Match<Transition<Step, Move, Role>>(t => t.To == Step.Closed && t.By == Role.Clock);
        flow.System.Should().Be(Role.Clock);
    }

    [Fact]
    public void AnExpiryNotPermittedToTheSystemParty_IsAProblemOfTheFlow()
    {
        var build = () => FlowBuilder<Step, Move, Role, object?>.Create("ticket", version: 1, initial: Step.Open, system: Role.Clock)
            .In(Step.Open)
                .Deadline(_ => DeadlineSpan.Hours(24), expiresWith: Move.Lapse, "answer window")
                .Permit(Move.Lapse, Step.Closed, by: Role.Agent)
            .In(Step.Closed).Terminal()
            .Build();

        build.Should().Throw<FlowDefinitionException>()
            .WithMessage("*expires with Lapse, which is not permitted to Clock in Open*");
    }

    [Theory]
    [InlineData(Role.Nobody)]
    [InlineData(Role.Customer | Role.Agent)]
    [InlineData((Role)4)]
    public void TheSystemParty_IsExactlyOneDeclaredParty(Role system)
    {
        var create = () => FlowBuilder<Step, Move, Role, object?>.Create("ticket", version: 1, initial: Step.Open, system: system);

        create.Should().Throw<ArgumentException>().WithMessage("The system party is exactly one party of Role*");
    }

    [Fact]
    public void AnActionIsTakenByExactlyOneDeclaredParty()
    {
        var flow = Ticket();

        flow.Invoking(f => f.Fire(Step.Answered, null, Move.Close, Role.Customer | Role.Agent, null, s_now))
            .Should().Throw<ArgumentException>().WithMessage("An action is taken by exactly one party*");
        flow.Invoking(f => f.PermittedActions(Step.Answered, (Role)4, null))
            .Should().Throw<ArgumentException>();
    }
}
