namespace Zhifa.Tests; public class SmokeTests { [Fact] public void Smoke() => 1.ShouldBe(1); }
