using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace VpcCni.Service.Configuration;

/// <summary>
/// <c>AWS_VPC_K8S_CNI_LOGLEVEL</c> as the logging filter's level for every category, while the variable is
/// set. The logger factory follows <see cref="LoggerFilterOptions"/> through its options monitor, so a new
/// level is published by firing this change token; the factory then rebuilds its filters and this
/// post-configuration adds the rule again. It holds the level itself rather than reading the settings
/// monitor, because the logger factory is built before that monitor, which logs through it.
/// <see cref="LogLevelFollower"/> sets the level at start and on every settings change.
/// </summary>
internal sealed class LiveLogLevel : IPostConfigureOptions<LoggerFilterOptions>, IOptionsChangeTokenSource<LoggerFilterOptions>, IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();
    private LogLevel? _level;

    public string Name => Options.DefaultName;

    /// <summary>The level in force, or null while the variable is unset (the host's logging configuration applies).</summary>
    public LogLevel? Level
    {
        get
        {
            lock (_gate)
            {
                return _level;
            }
        }
    }

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Sets the level (null: back to the host's configuration); returns true when it changed.</summary>
    public bool Set(LogLevel? level)
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            if (_level == level)
            {
                return false;
            }

            _level = level;
            fired = _changed;
            _changed = new CancellationTokenSource();
        }

        fired.Cancel();
        fired.Dispose();
        return true;
    }

    /// <summary>Idempotent: the container disposes the instance once for each registration that returns it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _changed.Dispose();
        }
    }

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        if (Level is not { } level)
        {
            return;
        }

        // The last rule without provider and category wins over earlier ones of the same kind, such as
        // Logging:LogLevel:Default; rules for a named category stay more specific and keep their level.
        options.MinLevel = level;
        options.Rules.Add(new LoggerFilterRule(null, null, level, null));
    }
}
