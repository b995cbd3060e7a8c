using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Orders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>
/// The engine's tables. One model serves every provider; each provider package derives its own context
/// (with its conventions, its error codes and its migrations beside it).
/// </summary>
internal abstract class AfterSalesDbContext : DbContext
{
    protected AfterSalesDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DisputeRow> Disputes => Set<DisputeRow>();

    public DbSet<DisputeEventRow> DisputeEvents => Set<DisputeEventRow>();

    public DbSet<DeadlineRow> Deadlines => Set<DeadlineRow>();

    public DbSet<OrderRow> Orders => Set<OrderRow>();

    public DbSet<OrderLineRow> OrderLines => Set<OrderLineRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<WebhookSubscriptionRow> WebhookSubscriptions => Set<WebhookSubscriptionRow>();

    public DbSet<WebhookDeliveryRow> WebhookDeliveries => Set<WebhookDeliveryRow>();

    public DbSet<IdempotencyRecordRow> IdempotencyRecords => Set<IdempotencyRecordRow>();

    public DbSet<EvidenceFileRow> EvidenceFiles => Set<EvidenceFileRow>();

    public DbSet<MarketplaceSettingRow> MarketplaceSettings => Set<MarketplaceSettingRow>();

    public DbSet<StorePenaltyRow> StorePenalties => Set<StorePenaltyRow>();

    public DbSet<StoreAssessmentRow> StoreAssessments => Set<StoreAssessmentRow>();

    /// <summary>True when <paramref name="exception"/> or one it wraps says the database was busy: the store runs the transaction again.</summary>
    public bool IsTransient(Exception exception) => AnyInChain(exception, IsBusyError);

    /// <summary>True when <paramref name="exception"/> or one it wraps is a unique-key violation.</summary>
    public bool IsUniqueViolation(Exception exception) => AnyInChain(exception, IsUniqueViolationError);

    /// <summary>Runs before the migrations are applied (a SQLite file needs its folder).</summary>
    public virtual Task BeforeMigratingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the migrations were applied (a SQLite file switches to WAL).</summary>
    public virtual Task AfterMigratingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A query of every column of <c>DisputeEvents</c> that yields only events the feed may show: on a database where
    /// writers commit out of order, none of a transaction that might still be running.
    /// </summary>
    public virtual string SettledEventsSql => "SELECT * FROM \"DisputeEvents\"";

    /// <summary>
    /// SQL for the value of <paramref name="property"/> in a row inserted by <see cref="Store.TransitionWriter"/>, when the
    /// provider computes it in the statement itself (<c>{0}</c> is the row's number in the statement, from 1); null
    /// when the row's own value is written or the column's default applies.
    /// </summary>
    public virtual string? InsertValueSql(Microsoft.EntityFrameworkCore.Metadata.IProperty property) => null;

    /// <summary>True when the provider's own <paramref name="error"/> means busy, locked or a serialization failure.</summary>
    protected abstract bool IsBusyError(Exception error);

    /// <summary>True when the provider's own <paramref name="error"/> is a unique-key violation.</summary>
    protected abstract bool IsUniqueViolationError(Exception error);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AfterSalesDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database reads like the domain and reordering an enum breaks nothing.
        configurationBuilder.Properties<DisputeState>().HaveConversion<string>();
        configurationBuilder.Properties<DisputeAction>().HaveConversion<string>();
        configurationBuilder.Properties<RequestKind>().HaveConversion<string>();
        configurationBuilder.Properties<Party>().HaveConversion<string>();
        configurationBuilder.Properties<ClosureReason>().HaveConversion<string>();
        configurationBuilder.Properties<ArbitrationResult>().HaveConversion<string>();
        configurationBuilder.Properties<ItemCategory>().HaveConversion<string>();
        configurationBuilder.Properties<OutboxKind>().HaveConversion<string>();
        configurationBuilder.Properties<DeliveryStatus>().HaveConversion<string>();
    }

    private static bool AnyInChain(Exception? exception, Func<Exception, bool> test)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (test(exception))
            {
                return true;
            }
        }

        return false;
    }
}
