using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Zhifa.Tests.Infrastructure;

/// <summary>
/// One xunit collection for every test class that needs PostgreSQL, so that a single throwaway
/// server serves them all. Use <c>[Collection("postgres")]</c> on the test class and take a
/// <see cref="PostgresServer"/> in its constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>
/// A throwaway PostgreSQL 15 server for tests, started from the local server binaries in
/// <c>/usr/lib/postgresql/15/bin</c> (never the system service). It lives in a fresh directory
/// under <c>/tmp</c>, listens only on a Unix socket in that directory, trusts every local
/// connection (superuser <c>zhifa</c>) and is stopped and deleted when the fixture is disposed.
/// </summary>
/// <remarks>
/// The binaries are required, not optional: if they are missing the fixture throws and every
/// PostgreSQL test fails. Under <c>CI=true</c> that is the point (a CI run must never skip them),
/// and outside CI the binaries are expected as well: they are installed on every development
/// machine (Debian package <c>postgresql-15</c>), and <c>.ci/run</c> installs them.
/// When the test process runs as root, <c>initdb</c> and <c>pg_ctl</c> run as the <c>postgres</c>
/// OS user through <c>runuser</c>, because PostgreSQL refuses to run as root.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string SuperUser = "zhifa";
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly bool _runAsServiceUser = IsRoot();
    private int _started;
    private int _stopped;

    /// <summary>The temporary root directory holding data, socket and log (unique per process).</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The Unix socket directory; it is the <c>Host</c> of every connection string.</summary>
    public string SocketDirectory => Path.Combine(RootDirectory, "sock");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>The port number; with no TCP listener it only names the socket file.</summary>
    public int Port { get; private set; }

    public PostgresServer()
    {
        RootDirectory = Path.Combine("/tmp", $"zhifa-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database)
    {
        if (Volatile.Read(ref _started) == 0)
        {
            throw new InvalidOperationException("The PostgreSQL test server has not been started.");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory,
            Port = Port,
            Username = SuperUser,
            Database = database,
        }.ConnectionString;
    }

    /// <summary>
    /// Creates a fresh, empty database (a unique name unless <paramref name="name"/> is given)
    /// and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {quoted} ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        var missing = new[] { "initdb", "pg_ctl", "postgres" }
            .Where(tool => !File.Exists(Path.Combine(BinDirectory, tool)))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries are missing from {BinDirectory} ({string.Join(", ", missing)}). " +
                "The PostgreSQL tests need them and fail without them (they never skip, and under CI=true they must not): " +
                "install them with `apt-get install postgresql-15` (.ci/run does this) and run the tests again.");
        }

        try
        {
            Directory.CreateDirectory(RootDirectory);
            Directory.CreateDirectory(SocketDirectory);
            if (_runAsServiceUser)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:", RootDirectory], ToolTimeout).ConfigureAwait(false);
            }

            await RunPostgresToolAsync(
                "initdb",
                ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                InitDbTimeout).ConfigureAwait(false);

            Port = FreePort();
            var options = $"-k {SocketDirectory} -p {Port} -c listen_addresses='' " +
                          "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunPostgresToolAsync(
                    "pg_ctl",
                    ["-D", DataDirectory, "-o", options, "-l", LogFile, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "start"],
                    StartTimeout + TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"{ex.Message}\n--- {LogFile} ---\n{ReadLogTail()}", ex);
            }

            Volatile.Write(ref _started, 1);
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task DisposeAsync() => StopAsync();

    public void Dispose() => Task.Run(StopAsync).GetAwaiter().GetResult();

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], StopTimeout)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                KillPostmaster();
            }
        }

        try
        {
            if (Directory.Exists(RootDirectory))
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers under /tmp are harmless; do not hide the test results behind them.
        }
    }

    private void KillPostmaster()
    {
        try
        {
            var firstLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(firstLine, out var pid))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private string ReadLogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.TakeLast(40));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "(no log)";
        }
    }

    private Task<string> RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var path = Path.Combine(BinDirectory, tool);
        return _runAsServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments], timeout)
            : RunAsync(path, arguments, timeout);
    }

    /// <summary>Runs a process, returns its stdout, and throws with its stderr when it fails or times out.</summary>
    private async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(RootDirectory) ? RootDirectory : "/tmp",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start `{commandLine}`: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s.");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(CultureInvariant($"`{commandLine}` failed with exit code {process.ExitCode}."))
                .Append("\n--- stderr ---\n").Append(errors.Trim())
                .Append("\n--- stdout ---\n").Append(output.Trim());
            throw new InvalidOperationException(message.ToString());
        }

        return output;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
}
