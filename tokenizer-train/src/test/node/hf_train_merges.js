// Trains HF tokenizers' byte-level BPE through the npm binding (which always uses the default trainer:
// vocab 30000, min_frequency 0, no special tokens, no initial alphabet) with the GPT-2 split
// (byteLevelPreTokenizer(addPrefixSpace=false, useRegex=true)), saves tokenizer.json and prints
// {"cpu_seconds":..,"wall_seconds":..}. Usage: node hf_train_merges.js CORPUS OUT_JSON
// The package is found through NODE_PATH (e.g. NODE_PATH=/tmp/hfnpm/node_modules).
const { Tokenizer, BPE, byteLevelPreTokenizer } = require('tokenizers');

const [corpus, out] = process.argv.slice(2);
const wall = Date.now();
const cpu0 = process.cpuUsage();
const tokenizer = new Tokenizer(BPE.empty());
tokenizer.setPreTokenizer(byteLevelPreTokenizer(false, true));
tokenizer.train([corpus]);
const cpu = process.cpuUsage(cpu0);
tokenizer.save(out);
console.log(JSON.stringify({ cpu_seconds: (cpu.user + cpu.system) / 1e6, wall_seconds: (Date.now() - wall) / 1000 }));
