import { Pacer, runStepwise, runToEnd, type Steps } from "../../src/core/steps";

function* threeSteps(log: string[]): Steps<string> {
  for (let i = 1; i <= 3; i++) {
    log.push(`step ${i}`);
    yield { done: i, total: 3 };
  }
  return "result";
}

describe("steps", () => {
  it("runs to the end at once, or pausing after each step", async () => {
    expect(runToEnd(threeSteps([]))).toBe("result");
    const log: string[] = [];
    const result = await runStepwise(threeSteps(log), {
      pause: async () => {
        log.push("pause");
      },
      onProgress: (p) => log.push(`${p.done}/${p.total}`),
    });
    expect(result).toBe("result");
    expect(log).toEqual([
      "step 1",
      "1/3",
      "pause",
      "step 2",
      "2/3",
      "pause",
      "step 3",
      "3/3",
      "pause",
    ]);
  });

  it("paces: pauses only once the budget is spent since the last pause", async () => {
    let now = 0;
    let pauses = 0;
    const pacer = new Pacer(
      async () => {
        pauses++;
        now += 5; // a macrotask takes time too
      },
      40,
      () => now,
    );
    now = 39;
    await pacer.maybePause();
    expect(pauses).toBe(0);
    now = 40;
    await pacer.maybePause();
    expect(pauses).toBe(1);
    // Counted from the end of that pause (45).
    now = 80;
    await pacer.maybePause();
    expect(pauses).toBe(1);
    await pacer.pause();
    expect(pauses).toBe(2);
    now = 124;
    await pacer.maybePause();
    expect(pauses).toBe(2);
    now = 125;
    await pacer.maybePause();
    expect(pauses).toBe(3);
  });
});
