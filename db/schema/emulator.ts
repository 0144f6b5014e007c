// Tables owned by the built-in Paymob emulator (prefixed `emu_`). Filled in by the emulator work.
export {};
