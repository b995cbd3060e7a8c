using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Writes rows with plain SQL statements, several to a command, in the context's current transaction. The
/// statements come from EF Core's own model: table and column names, and each column's type mapping with its
/// value converter (enums as names, times as UTC ticks on SQLite), so the model stays the one description of the
/// tables. Used where a dispute is saved after every action: there EF Core's SaveChanges spent more time on
/// change tracking, batching and SQL generation for four rows than the database spent storing them (profiled
/// with the benchmark harness; see docs/benchmarks.md).
/// </summary>
internal sealed class RowWriter
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Row), Table> Tables = new();

    private readonly AfterSalesDbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly DbCommand _command;
    private readonly StringBuilder _text = new();

    public RowWriter(AfterSalesDbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            _command.CommandTimeout = timeout;
        }
    }

    /// <summary>Adds <c>INSERT</c> of <paramref name="row"/>.</summary>
    public RowWriter Insert<TRow>(TRow row)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        _text.Append("INSERT INTO ").Append(table.Name).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => c.Name)).Append(") VALUES (");
        for (var i = 0; i < table.Columns.Length; i++)
        {
            _text.Append(i == 0 ? "" : ", ").Append(Parameter(table.Columns[i], table.Columns[i].Property.GetValue(row)));
        }

        _text.Append(");\n");
        return this;
    }

    /// <summary>
    /// Adds <c>UPDATE</c> of every column of <paramref name="row"/>, on the condition that its concurrency token
    /// still holds <paramref name="expectedToken"/>.
    /// </summary>
    public RowWriter UpdateIfUnchanged<TRow>(TRow row, object expectedToken)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        var token = table.ConcurrencyToken ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no concurrency token.");
        _text.Append("UPDATE ").Append(table.Name).Append(" SET ");
        var first = true;
        foreach (var column in table.Columns.Where(c => !table.Key.Contains(c)))
        {
            _text.Append(first ? "" : ", ").Append(column.Name).Append(" = ").Append(Parameter(column, column.Property.GetValue(row)));
            first = false;
        }

        AppendKeyCondition(table, table.Key.Select(k => k.Property.GetValue(row)).ToArray());
        _text.Append(" AND ").Append(token.Name).Append(" = ").Append(Parameter(token, expectedToken)).Append(";\n");
        return this;
    }

    /// <summary>Adds <c>DELETE</c> of the row with this key, if there is one.</summary>
    public RowWriter Delete<TRow>(params object[] key)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        _text.Append("DELETE FROM ").Append(table.Name);
        AppendKeyCondition(table, key);
        _text.Append(";\n");
        return this;
    }

    /// <summary>Runs the statements as one command; returns the rows they affected together.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await using (_command.ConfigureAwait(false))
        {
            _command.CommandText = _text.ToString();
            return await _command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void AppendKeyCondition(Table table, object?[] key)
    {
        for (var i = 0; i < table.Key.Length; i++)
        {
            _text.Append(i == 0 ? " WHERE " : " AND ").Append(table.Key[i].Name).Append(" = ").Append(Parameter(table.Key[i], key[i]));
        }
    }

    // The type mapping converts the value (enum to name, time to ticks) and types the parameter as EF Core would.
    private string Parameter(Column column, object? value)
    {
        var name = $"p{_command.Parameters.Count}";
        _command.Parameters.Add(column.Mapping.CreateParameter(_command, _sql.GenerateParameterName(name), value, column.Nullable));
        return _sql.GenerateParameterNamePlaceholder(name);
    }

    private Table TableOf(Type row) => Tables.GetOrAdd((_db.Model, row), key =>
    {
        var entity = key.Model.FindEntityType(key.Row) ?? throw new InvalidOperationException($"{key.Row.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Column ColumnOf(IProperty property) => new(
            _sql.DelimitIdentifier(property.GetColumnName(table)!),
            property.GetRelationalTypeMapping(),
            property.PropertyInfo ?? throw new InvalidOperationException($"{key.Row.Name}.{property.Name} is not a CLR property."),
            property.IsNullable);
        var columns = entity.GetProperties().Select(ColumnOf).ToArray();
        var keyColumns = entity.FindPrimaryKey()!.Properties.Select(p => columns.Single(c => c.Property == p.PropertyInfo)).ToArray();
        var token = entity.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken) is { } concurrency
            ? columns.Single(c => c.Property == concurrency.PropertyInfo)
            : null;
        return new Table(_sql.DelimitIdentifier(table.Name, table.Schema), columns, keyColumns, token);
    });

    private sealed record Table(string Name, Column[] Columns, Column[] Key, Column? ConcurrencyToken);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, PropertyInfo Property, bool Nullable);
}
