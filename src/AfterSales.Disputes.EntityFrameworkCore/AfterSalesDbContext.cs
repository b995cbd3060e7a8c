using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AfterSales.Disputes.EntityFrameworkCore;

/// <summary>
/// The engine's tables. One model serves both providers; each provider has its own derived context, so
/// that each has its own migrations.
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

    /// <summary>True on PostgreSQL, where claims use <c>FOR UPDATE SKIP LOCKED</c>.</summary>
    public abstract bool IsPostgres { get; }

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
}

/// <summary>The SQLite context: a file under the app's data folder, in WAL mode.</summary>
internal sealed class SqliteAfterSalesDbContext : AfterSalesDbContext
{
    public SqliteAfterSalesDbContext(DbContextOptions<SqliteAfterSalesDbContext> options)
        : base(options)
    {
    }

    public override bool IsPostgres => false;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no time type and EF cannot order or compare DateTimeOffset text there: times are UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicksConverter()
            : base(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
        {
        }
    }
}

/// <summary>The PostgreSQL context, for several hosts sharing one database.</summary>
internal sealed class PostgresAfterSalesDbContext : AfterSalesDbContext
{
    public PostgresAfterSalesDbContext(DbContextOptions<PostgresAfterSalesDbContext> options)
        : base(options)
    {
    }

    public override bool IsPostgres => true;
}
