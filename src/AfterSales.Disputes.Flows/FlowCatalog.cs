namespace AfterSales.Disputes.Flows;

/// <summary>
/// Every version of every flow a platform runs. A case records the flow id and version it started
/// with and is always continued with that definition, even after newer versions are added.
/// </summary>
/// <typeparam name="TState">The states, an enum.</typeparam>
/// <typeparam name="TAction">The actions, an enum.</typeparam>
/// <typeparam name="TParty">The parties who take actions: a [Flags] enum with one bit per party.</typeparam>
/// <typeparam name="TContext">What guards, deadline spans and effects read.</typeparam>
public sealed class FlowCatalog<TState, TAction, TParty, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
    where TParty : struct, Enum
{
    private readonly Dictionary<(string Id, int Version), FlowDefinition<TState, TAction, TParty, TContext>> _flows = [];
    private readonly Dictionary<string, FlowDefinition<TState, TAction, TParty, TContext>> _latest = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog holding <paramref name="flows"/>.</summary>
    /// <exception cref="ArgumentException">Two definitions share an id and version.</exception>
    public FlowCatalog(params IEnumerable<FlowDefinition<TState, TAction, TParty, TContext>> flows)
    {
        foreach (var flow in flows)
        {
            if (!_flows.TryAdd((flow.Id, flow.Version), flow))
            {
                throw new ArgumentException($"Flow {flow} is in the catalog twice.", nameof(flows));
            }

            if (!_latest.TryGetValue(flow.Id, out var latest) || latest.Version < flow.Version)
            {
                _latest[flow.Id] = flow;
            }
        }
    }

    /// <summary>Every definition, ordered by id and version.</summary>
    public IReadOnlyList<FlowDefinition<TState, TAction, TParty, TContext>> All =>
        _flows.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Version).ToList();

    /// <summary>The definition with this id and version.</summary>
    /// <exception cref="KeyNotFoundException">The catalog does not hold it.</exception>
    public FlowDefinition<TState, TAction, TParty, TContext> Get(string id, int version) =>
        _flows.TryGetValue((id, version), out var flow)
            ? flow
            : throw new KeyNotFoundException($"The catalog holds no flow {id} v{version}.");

    /// <summary>The newest version of the flow with this id: the one new cases start with.</summary>
    /// <exception cref="KeyNotFoundException">The catalog holds no flow with this id.</exception>
    public FlowDefinition<TState, TAction, TParty, TContext> Latest(string id) =>
        _latest.TryGetValue(id, out var flow)
            ? flow
            : throw new KeyNotFoundException($"The catalog holds no flow {id}.");
}
