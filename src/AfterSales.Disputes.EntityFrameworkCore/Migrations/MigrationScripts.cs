using Microsoft.EntityFrameworkCore.Migrations;

namespace AfterSales.Disputes.EntityFrameworkCore.Migrations;

/// <summary>
/// Migrations run SQL scripts embedded beside them. The first ones are the DDL EF Core generates from
/// the model (<c>Database.GenerateCreateScript()</c>) for each provider, because EF's design-time
/// scaffolding is not available from this project's registry. A test migrates an empty database and
/// compares its schema with the one EF creates from the model, so the scripts cannot drift from it.
/// </summary>
internal static class MigrationScripts
{
    private static readonly string[] s_tables =
        ["WebhookDeliveries", "WebhookSubscriptions", "Outbox", "OrderLines", "Orders", "Deadlines", "DisputeEvents", "Disputes"];

    /// <summary>Runs the embedded script <paramref name="name"/> (a path below Migrations/, with '/' separators).</summary>
    public static void Run(MigrationBuilder migrationBuilder, string name)
    {
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream(name.Replace('/', Path.DirectorySeparatorChar))
            ?? typeof(MigrationScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }

    /// <summary>Drops every table of the initial migration, dependents first.</summary>
    public static void DropAll(MigrationBuilder migrationBuilder)
    {
        foreach (var table in s_tables)
        {
            migrationBuilder.DropTable(table);
        }
    }
}
