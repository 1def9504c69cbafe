using Zhifa.Cli;

// One executable for everything (ADR-003): no arguments or `serve` runs the web platform, anything else is a command.
return await ZhifaCli.RunAsync(args);
